using Lianxin.Web.Modules.Targets.Data;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets.Features;

/// <summary>Targets and community parts follow a moved unit; a street with targets still running cannot be dissolved.</summary>
public class TargetsUnitLifecycle(TimeProvider clock) : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["tgt_targets"] = await db.RebaseAsync<KeyTarget>(oldRoot, newRoot, ct),
            ["tgt_assignments"] = await db.RebaseAsync<TargetAssignment>(oldRoot, newRoot, ct),
            ["tgt_evidence"] = await db.RebaseAsync<TargetEvidence>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var today = clock.Today();
        var n = await db.KeyTargets.AcrossScope().CountAsync(t => t.OrgPath == path && t.DueOn >= today, ct);
        return n == 0 ? null : $"{n} 项未到期的重点任务";
    }
}
