using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Audit;

public static class AuditModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("aud_entries");
            e.Property(a => a.Before).Metadata.SetMaxLength(null); // whole rows: no cap
            e.Property(a => a.After).Metadata.SetMaxLength(null);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.PrevHash).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(120);
            e.HasIndex(a => new { a.TenantId, a.Seq }).IsUnique();
            e.HasIndex(a => new { a.TenantId, a.Entity, a.EntityId });
            // Not an Entity (its key is the chain's own), so its tenant filter is declared here.
            e.HasQueryFilter(QueryFilters.Tenant, a => a.TenantId == db.CurrentTenantId);
        });
    }
}
