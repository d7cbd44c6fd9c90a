using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>Pledges follow a moved unit; a unit with pledges not yet done cannot be dissolved (they are on the public board).</summary>
public class PledgesUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["plg_pledges"] = await db.RebaseAsync<Pledge>(oldRoot, newRoot, ct),
            ["plg_tasks"] = await db.RebaseAsync<PledgeTask>(oldRoot, newRoot, ct),
            ["plg_updates"] = await db.RebaseAsync<PledgeUpdate>(oldRoot, newRoot, ct),
            ["plg_demands"] = await db.RebaseAsync<PledgeDemand>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.Pledges.AcrossScope().CountAsync(p => p.OrgPath == path && p.DoneOn == null, ct);
        return n == 0 ? null : $"{n} 项未办结的承诺事项";
    }
}
