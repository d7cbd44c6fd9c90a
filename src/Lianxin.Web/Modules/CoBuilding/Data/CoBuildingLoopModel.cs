using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Data;

/// <summary>The three lists (needs, resources, projects), matches, agreements with their obligations, and annual reviews.</summary>
public static class CoBuildingLoopModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Need>(e =>
        {
            e.ToTable("cob_needs");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.Property(x => x.Measure).HasMaxLength(10);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.PublishedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Remaining);
            e.HasIndex(x => new { x.TenantId, x.PublishedAt });
        });
        b.Entity<Resource>(e =>
        {
            e.ToTable("cob_resources");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.Property(x => x.Measure).HasMaxLength(10);
            e.Property(x => x.PublishedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Remaining);
            e.HasIndex(x => new { x.TenantId, x.PartnerUnitId });
        });
        b.Entity<NeedMatch>(e =>
        {
            e.ToTable("cob_matches");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.ConfirmedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.NeedId });
            e.HasIndex(x => new { x.TenantId, x.ResourceId });
        });
        b.Entity<CoProject>(e =>
        {
            e.ToTable("cob_projects");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Goal).HasMaxLength(1000);
            e.Property(x => x.Budget).HasPrecision(12, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.OnTime);
        });
        b.Entity<ProjectParty>(e =>
        {
            e.ToTable("cob_project_parties");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.ProjectId });
        });
        b.Entity<ProjectMilestone>(e =>
        {
            e.ToTable("cob_project_milestones");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.ProjectId });
        });
        b.Entity<Agreement>(e =>
        {
            e.ToTable("cob_agreements");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.CloseReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.ProjectId });
        });
        b.Entity<Obligation>(e =>
        {
            e.ToTable("cob_obligations");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Content).HasMaxLength(500);
            e.Property(x => x.FulfilmentNote).HasMaxLength(1000);
            e.Property(x => x.ReportedBy).HasMaxLength(60);
            e.Property(x => x.RatingComment).HasMaxLength(200);
            e.Property(x => x.RatedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.AgreementId });
            e.HasIndex(x => new { x.TenantId, x.PartnerUnitId, x.DueOn });
        });
        b.Entity<UnitReview>(e =>
        {
            e.ToTable("cob_unit_reviews");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.AverageRating).HasPrecision(4, 2);
            e.Property(x => x.Score).HasPrecision(5, 1);
            e.Property(x => x.ReviewedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.PartnerUnitId, x.Year }).IsUnique();
        });
    }
}
