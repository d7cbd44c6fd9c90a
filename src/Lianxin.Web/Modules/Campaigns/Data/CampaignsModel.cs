using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Data;

public static class CampaignsModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Campaign>(e =>
        {
            e.ToTable("cmp_campaigns");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.StartsOn });
            // The street's subtree as usual, and also whoever sees one of its places: a campaign is set above the communities that carry it out.
            e.HasQueryFilter(QueryFilters.Scope, c => db.ScopeAll || db.ScopePaths.Any(root => c.OrgPath.StartsWith(root))
                || db.Set<CampaignPlace>().Any(p => p.CampaignId == c.Id));
        });
        b.Entity<ChecklistItem>(e =>
        {
            e.ToTable("cmp_checklist_items");
            e.Property(x => x.Text).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.CampaignId, x.SortOrder });
        });
        b.Entity<CampaignPlace>(e =>
        {
            e.ToTable("cmp_places");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
            e.HasIndex(x => new { x.TenantId, x.CampaignId });
        });
        b.Entity<Inspection>(e =>
        {
            e.ToTable("cmp_inspections");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.InspectorName).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.InspectedOn });
            e.HasIndex(x => new { x.TenantId, x.CampaignId, x.PlaceId });
        });
        b.Entity<InspectionAnswer>(e =>
        {
            e.ToTable("cmp_answers");
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => new { x.TenantId, x.InspectionId });
        });
        b.Entity<CampaignFinding>(e =>
        {
            e.ToTable("cmp_findings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.CampaignId });
            e.HasIndex(x => new { x.TenantId, x.InspectionId });
        });
        b.Entity<RectificationTask>(e =>
        {
            e.ToTable("cmp_tasks");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.ResponsibleUnit).HasMaxLength(100);
            e.Property(x => x.DoneNote).HasMaxLength(1000);
            e.Property(x => x.DoneBy).HasMaxLength(100);
            e.Property(x => x.VerifiedBy).HasMaxLength(100);
            e.Property(x => x.ReturnNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.DueOn });
            e.HasIndex(x => new { x.TenantId, x.FindingId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CampaignId });
        });
    }
}
