using Lianxin.Web.Modules.PartyWork.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Data;

/// <summary>Branch committees and terms (换届), reserve cadres, and rectification of weak branches (整顿提升).</summary>
public static class CommitteesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TermRule>(e =>
        {
            e.ToTable("pw_term_rules");
            e.Property(x => x.Basis).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.Kind }).IsUnique();
        });
        b.Entity<Committee>(e =>
        {
            e.ToTable("pw_committees");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.Kind, x.TermStart });
            e.HasIndex(x => new { x.TenantId, x.Current, x.TermEndsOn });
        });
        b.Entity<CommitteeSeat>(e =>
        {
            e.ToTable("pw_committee_seats");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Post).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.LeftReason).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.CommitteeId });
        });
        b.Entity<Election>(e =>
        {
            e.ToTable("pw_elections");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Meeting).HasMaxLength(60);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.HeldOn });
        });
        b.Entity<ReserveCadre>(e =>
        {
            e.ToTable("pw_reserve_cadres");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Education).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.CommunityId });
        });
        b.Entity<RectifyCriterion>(e =>
        {
            e.ToTable("pw_rectify_criteria");
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        });
        b.Entity<BranchRectification>(e =>
        {
            e.ToTable("pw_rectifications");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.ReasonCodes).HasMaxLength(200);
            e.Property(x => x.ReasonNote).HasMaxLength(500);
            e.Property(x => x.Helper).HasMaxLength(60);
            e.Property(x => x.ExitNote).HasMaxLength(500);
            e.Property(x => x.ExitBy).HasMaxLength(60);
            e.Property(x => x.CreatedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.UnitId, x.State });
        });
        b.Entity<RectificationTask>(e =>
        {
            e.ToTable("pw_rectification_tasks");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.RectificationId });
        });
        b.Entity<RectificationProgress>(e =>
        {
            e.ToTable("pw_rectification_progress");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.RectificationId, x.On });
        });
    }
}
