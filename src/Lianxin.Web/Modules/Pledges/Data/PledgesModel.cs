using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Data;

public static class PledgesModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Pledge>(e =>
        {
            e.ToTable("plg_pledges");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.ResponsiblePerson).HasMaxLength(60);
            e.Property(x => x.ResponsibleUnit).HasMaxLength(100);
            e.Property(x => x.Confirmation).HasMaxLength(1000);
            e.Property(x => x.DecidedBy).HasMaxLength(60);
            e.Property(x => x.ReturnReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.OrgPath, x.DueOn });
            e.HasIndex(x => new { x.TenantId, x.MemberId });
        });
        b.Entity<PledgeTask>(e =>
        {
            e.ToTable("plg_tasks");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.PledgeId });
        });
        b.Entity<PledgeUpdate>(e =>
        {
            e.ToTable("plg_updates");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.PledgeId, x.On });
        });
        b.Entity<PledgeDemand>(e =>
        {
            e.ToTable("plg_demands");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.PledgeId, x.DemandId }).IsUnique();
        });
    }
}
