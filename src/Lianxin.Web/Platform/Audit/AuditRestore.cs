using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Audit;

/// <summary>After <c>restore</c>: records the restored head of a tenant's chain as a signed restore marker, then verifies the chain (ADR 0029).</summary>
public static class AuditRestore
{
    /// <summary><paramref name="db"/> is scoped to the tenant; answers the verification of its chain.</summary>
    public static async Task<ChainReport> MarkAndVerifyAsync(LianxinDb db, AuditCheckpoints checkpoints, AuditChain chain, TimeProvider clock, CancellationToken ct = default)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
        await checkpoints.AppendAsync(checkpoints.Sign(AuditCheckpoint.Restore, db.CurrentTenantId, head?.Seq ?? 0, head?.Hash ?? "", clock.GetUtcNow().UtcDateTime), ct);
        return await chain.VerifyAsync(db, ct);
    }
}
