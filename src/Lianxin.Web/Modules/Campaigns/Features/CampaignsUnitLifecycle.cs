using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>Campaigns, their places, inspections, findings and tasks follow a moved unit; a unit with rectifications still open cannot be dissolved.</summary>
public class CampaignsUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["cmp_campaigns"] = await db.RebaseAsync<Campaign>(oldRoot, newRoot, ct),
            ["cmp_places"] = await db.RebaseAsync<CampaignPlace>(oldRoot, newRoot, ct),
            ["cmp_inspections"] = await db.RebaseAsync<Inspection>(oldRoot, newRoot, ct),
            ["cmp_findings"] = await db.RebaseAsync<CampaignFinding>(oldRoot, newRoot, ct),
            ["cmp_tasks"] = await db.RebaseAsync<RectificationTask>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.CampaignTasks.AcrossScope().CountAsync(t => t.OrgPath == path && t.State != TaskState.Verified, ct);
        return n == 0 ? null : $"{n} 项未验收的专项行动整改任务";
    }
}
