using Lianxin.Web.Modules.OrgLife.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Data;

public static class OrgLifeWorkModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<HouseholdVisit>(e =>
        {
            e.ToTable("olf_visits");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.VisitorName).HasMaxLength(100);
            e.Property(x => x.Findings).HasMaxLength(1000);
            e.Property(x => x.FollowUp).HasMaxLength(500);
            e.Property(x => x.DemandTicket).HasMaxLength(20);
            e.HasIndex(x => new { x.TenantId, x.VisitedOn });
            e.HasIndex(x => new { x.TenantId, x.HouseholdId, x.VisitedOn });
        });
        b.Entity<DispatchMeeting>(e =>
        {
            e.ToTable("olf_dispatch_meetings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.AgendaJson).HasMaxLength(20_000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.CommunityId, x.HeldOn }).IsUnique();
        });
        b.Entity<DispatchItem>(e =>
        {
            e.ToTable("olf_dispatch_items");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Owner).HasMaxLength(60);
            e.Property(x => x.SourceRef).HasMaxLength(100);
            e.Property(x => x.ClosedNote).HasMaxLength(500);
            e.HasIndex(x => new { x.TenantId, x.MeetingId, x.Seq });
        });
        b.Entity<MeetingPlan>(e =>
        {
            e.ToTable("olf_plans");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.BranchId, x.Year }).IsUnique();
        });
        b.Entity<PlannedMeeting>(e =>
        {
            e.ToTable("olf_planned_meetings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Topic).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.PlanId, x.PlannedOn });
            e.HasIndex(x => new { x.TenantId, x.PlannedOn });
        });
    }
}
