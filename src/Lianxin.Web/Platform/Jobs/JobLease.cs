using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Jobs;

/// <summary>
/// A lease keyed by job name and tenant, so that one app instance at a time runs a job for a tenant
/// (ARCHITECTURE: background work; ADR 0014).
/// </summary>
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

/// <summary>One app instance's hold on leases: take one if free or expired, renew it while the run lasts, free it after.</summary>
public sealed class LeaseHolder(string holder)
{
    static readonly DateTime Released = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Holder => holder;

    /// <summary>One conditional UPDATE, atomic on both providers; the first taker creates the row.</summary>
    public async Task<bool> TryAcquireAsync(LianxinDb db, string name, Guid tenant, DateTime until, DateTime now, CancellationToken ct)
    {
        var taken = await db.JobLeases.Where(l => l.TenantId == tenant && l.Name == name && (l.ExpiresAt <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.TenantId == tenant && l.Name == name, ct)) return false;
        db.JobLeases.Add(new JobLease { TenantId = tenant, Name = name, Holder = holder, ExpiresAt = until });
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return false; } // another instance created it first
    }

    /// <summary>Pushes the expiry out; false when the lease is no longer ours (it expired and another instance took it).</summary>
    public async Task<bool> RenewAsync(LianxinDb db, string name, Guid tenant, DateTime until, CancellationToken ct) =>
        await db.JobLeases.Where(l => l.TenantId == tenant && l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), ct) == 1;

    /// <summary>Frees it for everyone whatever their clock says (an instance whose clock runs ahead must not lock the others out).</summary>
    public async Task<bool> ReleaseAsync(LianxinDb db, string name, Guid tenant) =>
        await db.JobLeases.Where(l => l.TenantId == tenant && l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, Released), CancellationToken.None) == 1;
}
