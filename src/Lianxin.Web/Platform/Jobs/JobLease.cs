using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Jobs;

/// <summary>A lease so that one app instance at a time runs a background job (ARCHITECTURE: background work).</summary>
public class JobLease : Entity
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }

    public static void Configure(ModelBuilder b) => b.Entity<JobLease>(e =>
    {
        e.ToTable("dem_job_leases"); // named when Demands' escalation was its only user; renaming would cost a migration
        e.Property(x => x.Name).HasMaxLength(60);
        e.Property(x => x.Holder).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    });
}

/// <summary>One app instance's hold on a named lease: take it if free or expired, free it when the pass ends.</summary>
public sealed class LeaseHolder(string name, TimeSpan leaseFor)
{
    static readonly DateTime Released = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    readonly string holder = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    /// <summary>One conditional UPDATE, atomic on both providers; the first taker creates the row.</summary>
    public async Task<bool> TryAcquireAsync(LianxinDb db, Guid tenant, DateTime now, CancellationToken ct)
    {
        var until = now + leaseFor;
        var taken = await db.JobLeases.Where(l => l.TenantId == tenant && l.Name == name && (l.ExpiresAt <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.TenantId == tenant && l.Name == name, ct)) return false;
        db.JobLeases.Add(new JobLease { TenantId = tenant, Name = name, Holder = holder, ExpiresAt = until });
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return false; } // another instance created it first
    }

    /// <summary>Frees it for everyone whatever their clock says (an instance whose clock runs ahead must not lock the others out).</summary>
    public Task ReleaseAsync(LianxinDb db, Guid tenant) =>
        db.JobLeases.Where(l => l.TenantId == tenant && l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, Released), CancellationToken.None);
}
