using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Data;

public static class OrgLifeModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Meeting>(e =>
        {
            e.ToTable("olf_meetings");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Host).HasMaxLength(60);
            e.Property(x => x.Topic).HasMaxLength(200);
            e.Property(x => x.Agenda).HasMaxLength(2000);
            e.Property(x => x.Minutes).HasMaxLength(8000);
            e.Property(x => x.Decisions).HasMaxLength(2000);
            e.Property(x => x.PartyDayItems).HasMaxLength(1000);
            e.Property(x => x.PartyDayExtras).HasMaxLength(1000);
            e.Property(x => x.CancelReason).HasMaxLength(200);
            e.Property(x => x.LateApprovedBy).HasMaxLength(256);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.BranchId, x.StartsAt });
            e.HasIndex(x => new { x.TenantId, x.HeldOn });
        });
        b.Entity<MeetingAttendance>(e =>
        {
            e.ToTable("olf_attendance");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.MeetingId, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.MemberId, x.HeldOn });
        });
        b.Entity<BranchFeed>(e =>
        {
            e.ToTable("olf_feeds");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Token).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.Token }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.BranchId }).IsUnique();
        });
        b.Entity<MeetingRule>(e =>
        {
            e.ToTable("olf_rules");
            e.HasIndex(x => new { x.TenantId, x.UnitKind, x.Kind }).IsUnique();
        });
        b.Entity<OrgLifeSettings>(e =>
        {
            e.ToTable("olf_settings");
            e.Property(x => x.PartyDayItems).HasMaxLength(1000);
            e.HasIndex(x => x.TenantId).IsUnique();
        });
        TrainingModel.Configure(b);
    }
}
