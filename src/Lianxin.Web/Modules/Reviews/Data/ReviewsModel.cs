using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Data;

public static class ReviewsModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Rubric>(e =>
        {
            e.ToTable("rev_rubrics");
            e.Ignore(x => x.Definition);
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.DefinitionJson).HasMaxLength(200_000);
            e.HasIndex(x => new { x.TenantId, x.FamilyId, x.VersionNo }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
        b.Entity<ReviewRound>(e =>
        {
            e.ToTable("rev_rounds");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.RoleWeightsJson).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
        b.Entity<RoundUnit>(e =>
        {
            e.ToTable("rev_round_units");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.SectionsJson).HasMaxLength(4000);
            e.HasIndex(x => new { x.TenantId, x.RoundId, x.UnitId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.UnitId });
        });
        b.Entity<Panelist>(e =>
        {
            e.ToTable("rev_panelists");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.PanelRole).HasMaxLength(20);
            e.HasIndex(x => new { x.TenantId, x.RoundId, x.UserId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.UserId });
        });
        b.Entity<ScoreSheet>(e =>
        {
            e.ToTable("rev_score_sheets");
            e.Ignore(x => x.Entries);
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.EntriesJson).HasMaxLength(200_000);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.SectionTotalsJson).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.RoundId, x.UnitId, x.ReviewerId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.ReviewerId });
        });
        b.Entity<Amendment>(e =>
        {
            e.ToTable("rev_amendments");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.ItemCode).HasMaxLength(40);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasIndex(x => new { x.TenantId, x.RoundId });
        });
        b.Entity<Finding>(e =>
        {
            e.ToTable("rev_findings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.ItemCode).HasMaxLength(40);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.HasIndex(x => new { x.TenantId, x.RoundId, x.UnitId });
        });
        b.Entity<Rectification>(e =>
        {
            e.ToTable("rev_rectifications");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Owner).HasMaxLength(60);
            e.Property(x => x.Evidence).HasMaxLength(2000);
            e.Property(x => x.ReviewNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.State });
            e.HasIndex(x => new { x.TenantId, x.RoundId });
        });
        b.Entity<StarAward>(e =>
        {
            e.ToTable("rev_star_awards");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.By).HasMaxLength(60);
            e.Property(x => x.AwardingBody).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.At });
        });
        b.Entity<UnitRemark>(e =>
        {
            e.ToTable("rev_unit_remarks");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Report).HasMaxLength(2000);
            e.Property(x => x.NextSteps).HasMaxLength(2000);
            e.Property(x => x.Commitment).HasMaxLength(1000);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.By).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.RoundId, x.UnitId }).IsUnique();
        });
        b.Entity<CultivationTarget>(e =>
        {
            e.ToTable("rev_cultivation_targets");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.ListedByName).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Responsible).HasMaxLength(60);
            e.Property(x => x.AddedBy).HasMaxLength(60);
            e.Property(x => x.RemovalReason).HasMaxLength(500);
            e.Property(x => x.RemovedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.Year, x.UnitId });
        });
    }
}
