using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Data;

public static class MembersModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Member>(e =>
        {
            e.ToTable("mem_members");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Ethnicity).HasMaxLength(20);
            e.Property(x => x.IdNumberCipher).HasMaxLength(120);
            e.Property(x => x.IdNumberHash).HasMaxLength(64);
            e.Property(x => x.PhoneCipher).HasMaxLength(120);
            e.Property(x => x.PhoneHash).HasMaxLength(64);
            e.Property(x => x.Education).HasMaxLength(40);
            // Derived from the name by its getter, indexed outside the model (migration 0049, ADR 0036).
            e.Property(x => x.SearchText).UsePropertyAccessMode(PropertyAccessMode.Property);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.IdNumberHash }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
            e.HasIndex(x => new { x.TenantId, x.Name });
            e.HasIndex(x => new { x.TenantId, x.PhoneHash });
            e.HasIndex(x => new { x.TenantId, x.ResidenceCommunityId });
            e.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique(); // one account, at most one member
        });
        b.Entity<MemberStatusChange>(e =>
        {
            e.ToTable("mem_status_changes");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<MemberTransfer>(e =>
        {
            e.ToTable("mem_transfers");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.FromPath).HasMaxLength(400);
            e.Property(x => x.ToPath).HasMaxLength(400);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.MemberId });
            e.HasIndex(x => new { x.TenantId, x.ToPath });
            e.HasIndex(x => new { x.TenantId, x.FromPath });
        });
        b.Entity<DualReport>(e =>
        {
            e.ToTable("mem_dual_reports");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Skills).HasMaxLength(400);
            e.Property(x => x.Offers).HasMaxLength(400);
            e.Property(x => x.LiaisonPhoneCipher).HasMaxLength(120);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CommunityId });
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<Post>(e =>
        {
            e.ToTable("mem_posts");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Duties).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
        b.Entity<PostClaim>(e =>
        {
            e.ToTable("mem_post_claims");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.Property(x => x.Pledge).HasMaxLength(500);
            e.Property(x => x.DecidedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.PostId });
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<ResponsibilityZone>(e =>
        {
            e.ToTable("mem_zones");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Area).HasMaxLength(400);
            e.Property(x => x.EndReason).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CommunityId });
        });
        b.Entity<ZoneMember>(e =>
        {
            e.ToTable("mem_zone_members");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.Property(x => x.Role).HasMaxLength(40);
            e.HasIndex(x => new { x.TenantId, x.ZoneId });
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<CentralHousehold>(e =>
        {
            e.ToTable("mem_central_households");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.Property(x => x.Duties).HasMaxLength(1000);
            e.Property(x => x.EndReason).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.GridId });
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<CentralHouseholdRecommendation>(e =>
        {
            e.ToTable("mem_central_household_recommendations");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.HouseholdKey).HasMaxLength(80);
            e.Property(x => x.Home).HasMaxLength(120);
            e.Property(x => x.RecommenderName).HasMaxLength(30);
            // One recommendation per household per nominee, whoever records it.
            e.HasIndex(x => new { x.TenantId, x.CentralHouseholdId, x.HouseholdKey }).IsUnique();
        });
        b.Entity<CentralHouseholdDuty>(e =>
        {
            e.ToTable("mem_central_household_duties");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.Role }).IsUnique();
        });
        b.Entity<BuildingLeader>(e =>
        {
            e.ToTable("mem_building_leaders");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.Property(x => x.EndReason).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.BuildingId });
            e.HasIndex(x => new { x.TenantId, x.CommunityId });
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<CentralHouseholdLink>(e =>
        {
            e.ToTable("mem_central_household_links");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.HouseholdId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CentralHouseholdId });
        });
        b.Entity<MemberFigures>(e =>
        {
            e.ToTable("mem_unit_figures");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.CommunityPath).HasMaxLength(400);
            // Subtree sums read path ranges: in byte order on PostgreSQL whatever the database's collation, as on SQLite.
            if (db.Database.IsNpgsql())
            {
                e.Property(x => x.OrgPath).UseCollation("C");
                e.Property(x => x.CommunityPath).UseCollation("C");
            }
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_mem_unit_figures_TenantId_OrgPath").HasOperators(null!, "varchar_pattern_ops");
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_mem_unit_figures_range");
            e.HasIndex(x => new { x.TenantId, x.CommunityPath }, "IX_mem_unit_figures_community_range");
            // The row an additive upsert lands on (ON CONFLICT): ids do not change when a subtree moves.
            e.HasIndex(x => new { x.TenantId, x.BranchId, x.CommunityId }, "IX_mem_unit_figures_row").IsUnique();
        });
        b.Entity<MobileFigures>(e =>
        {
            e.ToTable("mem_mobile_figures");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            if (db.Database.IsNpgsql()) e.Property(x => x.OrgPath).UseCollation("C");
            e.HasIndex(x => new { x.TenantId, x.OrgPath }, "IX_mem_mobile_figures_TenantId_OrgPath").HasOperators(null!, "varchar_pattern_ops");
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.StartedOn }, "IX_mem_mobile_figures_range");
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.StartedOn, x.EndedOn }, "IX_mem_mobile_figures_row").IsUnique();
        });
        b.Entity<MobileMembership>(e =>
        {
            e.ToTable("mem_mobile_memberships");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.Property(x => x.City).HasMaxLength(60);
            e.Property(x => x.Workplace).HasMaxLength(100);
            e.Property(x => x.MobileBranchPath).HasMaxLength(400);
            e.Property(x => x.ContactPhoneCipher).HasMaxLength(120);
            e.Property(x => x.EndReason).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.MemberId });
            e.HasIndex(x => new { x.TenantId, x.MobileBranchPath }).HasOperators(null!, "varchar_pattern_ops");
        });
        b.Entity<ImportJob>(e =>
        {
            e.ToTable("mem_import_jobs");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.UserName).HasMaxLength(60);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.Error).HasMaxLength(400);
            e.Property(x => x.RejectsJson).Metadata.SetMaxLength(null);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.State });
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
    }
}
