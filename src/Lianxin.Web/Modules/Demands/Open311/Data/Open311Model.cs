using Lianxin.Web.Modules.Demands.Open311.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Open311.Data;

public static class Open311Model
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Open311Client>(e =>
        {
            e.ToTable("dem_open311_clients");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.Contact).HasMaxLength(100);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.KeyPrefix).HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.RevokedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.KeyHash }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.OrgPath });
        });
        b.Entity<Open311Request>(e =>
        {
            e.ToTable("dem_open311_requests");
            e.Property(x => x.OrgPath).HasMaxLength(400);
            e.Property(x => x.MediaUrl).HasMaxLength(500);
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.DemandId }).IsUnique();
            // NULL keys are distinct on both providers: only keyed submissions are deduplicated, per client.
            e.HasIndex(x => new { x.TenantId, x.ClientId, x.IdempotencyKey }).IsUnique();
        });
    }
}
