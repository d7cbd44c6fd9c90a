using Lianxin.Web.Modules.OrgLife.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Data;

/// <summary>Training sessions, their records (enrolment, sign-in, score, 心得) and the members' calendar feeds.</summary>
public static class TrainingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TrainingSession>(e =>
        {
            e.ToTable("olf_training_sessions");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.AudiencePath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Teacher).HasMaxLength(60);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.HeldOn });
        });
        b.Entity<TrainingRecord>(e =>
        {
            e.ToTable("olf_training_records");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MemberName).HasMaxLength(60);
            e.Property(x => x.SignedInBy).HasMaxLength(256);
            e.Property(x => x.Reflection).HasMaxLength(TrainingNames.MaxReflection);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.SessionId, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.MemberId, x.HeldOn });
        });
        b.Entity<MemberFeed>(e =>
        {
            e.ToTable("olf_member_feeds");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Token).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.Token }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.MemberId }).IsUnique();
        });
    }
}
