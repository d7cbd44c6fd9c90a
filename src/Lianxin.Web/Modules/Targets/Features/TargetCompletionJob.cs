using Lianxin.Web.Modules.Targets.Data;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets.Features;

/// <summary>
/// Notes when each community first reaches a figure-read target (who finished first): figures change in other modules, which
/// tell nobody, so a pass reads every open target's figures and stamps the parts that reached their quota.
/// </summary>
public sealed class TargetCompletionJob(LianxinDb db, IndicatorCatalog catalog, TimeProvider clock) : IJob
{
    public static string Name => "targets.completion";
    public static TimeSpan Period => TimeSpan.FromMinutes(30);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var today = clock.Today();
        // Open: started, and not more than a year past the deadline (late finishers still count, in their order).
        var targets = await db.KeyTargets.AsNoTracking()
            .Where(t => t.IndicatorCode != null && t.StartOn <= today && t.DueOn >= today.AddYears(-1)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var stamped = 0;
        foreach (var t in targets)
        {
            var reached = (await TargetBoards.RowsAsync(db, catalog, clock, t, ct))
                .Where(r => r.CompletedAt is null && r.Status == TargetStatus.Done).Select(r => r.AssignmentId).ToList();
            if (reached.Count == 0) continue;
            foreach (var part in await db.TargetAssignments.Where(a => reached.Contains(a.Id) && a.CompletedAt == null).ToListAsync(ct))
            {
                part.CompletedAt = now;
                stamped++;
            }
        }
        await db.SaveChangesAsync(ct);
        return stamped;
    }
}
