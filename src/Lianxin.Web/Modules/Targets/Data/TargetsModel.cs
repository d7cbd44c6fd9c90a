using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets.Data;

public static class TargetsModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<KeyTarget>(e =>
        {
            e.ToTable("tgt_targets");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.IndicatorCode).HasMaxLength(60);
            e.Property(x => x.BaseIndicatorCode).HasMaxLength(60);
            e.Property(x => x.ManualUnit).HasMaxLength(10);
            e.Property(x => x.Quota).HasPrecision(12, 2);
            e.Property(x => x.CreatedBy).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.DueOn });
        });
        b.Entity<TargetAssignment>(e =>
        {
            e.ToTable("tgt_assignments");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.CommunityName).HasMaxLength(100);
            e.Property(x => x.Quota).HasPrecision(12, 2);
            e.Property(x => x.ReportedValue).HasPrecision(12, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.TargetId, x.CommunityId }).IsUnique();
        });
        b.Entity<TargetEvidence>(e =>
        {
            e.ToTable("tgt_evidence");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Value).HasPrecision(12, 2);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ActorName).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.AssignmentId, x.At });
        });
    }
}
