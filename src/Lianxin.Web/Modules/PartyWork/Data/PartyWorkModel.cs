using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Data;

public static class PartyWorkModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<RecruitStep>(e =>
        {
            e.ToTable("pw_recruit_steps");
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.AfterCode).HasMaxLength(20);
            e.Property(x => x.RuleName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        });
        b.Entity<Recruit>(e =>
        {
            e.ToTable("pw_recruits");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.IdNumberCipher).HasMaxLength(200);
            e.Property(x => x.IdNumberHash).HasMaxLength(64);
            e.Property(x => x.PhoneCipher).HasMaxLength(120);
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.Contacts).HasMaxLength(100);
            e.Property(x => x.StepCode).HasMaxLength(20);
            e.Property(x => x.NextCode).HasMaxLength(20);
            e.Property(x => x.RemindedCode).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.IdNumberHash });
            e.HasIndex(x => new { x.TenantId, x.State, x.NextDueOn });
            e.HasIndex(x => new { x.TenantId, x.UserId });
        });
        b.Entity<RecruitEntry>(e =>
        {
            e.ToTable("pw_recruit_entries");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.StepCode).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(60);
            e.HasIndex(x => new { x.TenantId, x.RecruitId, x.On });
        });
        CommitteesModel.Configure(b);
    }
}
