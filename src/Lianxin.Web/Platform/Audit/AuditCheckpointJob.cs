using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Audit;

/// <summary>
/// Anchors each tenant's chain head outside the database (ADR 0029): a signed checkpoint once per
/// <see cref="AuditOptions.CheckpointInterval"/>, or sooner once <see cref="AuditOptions.CheckpointEveryEntries"/> entries
/// were appended. Run by <see cref="JobHost"/> under the lease of this job and tenant, so two instances never both write.
/// </summary>
public class AuditCheckpointJob(LianxinDb db, AuditCheckpoints checkpoints, AuditOptions options, TimeProvider clock) : IJob
{
    public static string Name => "audit.checkpoint";
    // Short, so "every N entries" is kept within a minute; most passes only read the head and the last checkpoint.
    public static TimeSpan Period => TimeSpan.FromMinutes(1);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var head = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.TenantId == tenantId)
            .OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await checkpoints.LastAsync(tenantId, ct);
        if (last is not null && now - last.At < options.CheckpointInterval && head.Seq - last.Seq < options.CheckpointEveryEntries) return 0;
        await checkpoints.AppendAsync(checkpoints.Sign(AuditCheckpoint.Periodic, tenantId, head.Seq, head.Hash, now), ct);
        return 1;
    }
}
