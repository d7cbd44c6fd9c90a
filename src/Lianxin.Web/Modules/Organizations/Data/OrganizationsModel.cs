using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Data;

public static class OrganizationsModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<OrgUnit>(e =>
        {
            e.ToTable("org_units");
            e.Property(u => u.Path).HasMaxLength(400);
            e.Property(u => u.Code).HasMaxLength(40);
            e.Property(u => u.ShortName).HasMaxLength(60);
            e.Property(u => u.Version).IsConcurrencyToken();
            e.HasIndex(u => new { u.TenantId, u.Path }).IsUnique();
            e.HasIndex(u => new { u.TenantId, u.ParentId });
            e.HasIndex(u => new { u.TenantId, u.Code });
            e.ScopedBy(u => u.Path);
        });
        b.Entity<OrgTreeVersion>(e =>
        {
            e.ToTable("org_tree_versions");
            e.HasKey(x => x.TenantId);
            e.HasQueryFilter(QueryFilters.Tenant, x => x.TenantId == db.CurrentTenantId);
        });
        b.Entity<OrgUnitChange>(e =>
        {
            e.ToTable("org_unit_changes");
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.UnitId });
        });
        b.Entity<OrgPosition>(e =>
        {
            e.ToTable("org_positions");
            e.Property(p => p.OrgPath).HasMaxLength(400);
            e.Property(p => p.Title).HasMaxLength(40);
            e.Property(p => p.PersonName).HasMaxLength(60);
            e.Property(p => p.PhoneCipher).HasMaxLength(120);
            e.HasIndex(p => new { p.TenantId, p.OrgUnitId });
        });
        b.Entity<Grid>(e =>
        {
            e.ToTable("org_grids");
            e.Property(g => g.OrgPath).HasMaxLength(400);
            e.Property(g => g.Code).HasMaxLength(40);
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasIndex(g => new { g.TenantId, g.CommunityId });
            e.HasIndex(g => new { g.TenantId, g.OrgPath });
        });
        b.Entity<Compound>(e =>
        {
            e.ToTable("org_compounds");
            e.Property(c => c.OrgPath).HasMaxLength(400);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.TenantId, c.CommunityId });
            e.HasIndex(c => new { c.TenantId, c.GridId });
            e.HasIndex(c => new { c.TenantId, c.OrgPath });
        });
        b.Entity<Building>(e =>
        {
            e.ToTable("org_buildings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.LeaderName).HasMaxLength(60);
            e.Property(x => x.LeaderPhoneCipher).HasMaxLength(120);
            e.HasIndex(x => new { x.TenantId, x.CompoundId });
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
        b.Entity<UnitCounts>(e =>
        {
            e.ToTable("org_unit_counts");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            // Subtree sums read a path range: in byte order on PostgreSQL whatever the database's collation, as on SQLite.
            if (db.Database.IsNpgsql()) e.Property(x => x.OrgPath).UseCollation("C");
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_org_unit_counts_TenantId_OrgPath").HasOperators(null!, "varchar_pattern_ops");
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_org_unit_counts_range");
        });
        b.Entity<Household>(e =>
        {
            e.ToTable("org_households");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.Property(x => x.Room).HasMaxLength(20);
            e.HasIndex(x => new { x.TenantId, x.BuildingId });
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
    }
}
