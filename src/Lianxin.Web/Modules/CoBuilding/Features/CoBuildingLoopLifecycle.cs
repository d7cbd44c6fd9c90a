using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>The three lists and agreements follow a moved street or community; one with open needs, running projects or agreements in force cannot be dissolved.</summary>
public class CoBuildingLoopLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["cob_needs"] = await db.RebaseAsync<Need>(oldRoot, newRoot, ct),
            ["cob_resources"] = await db.RebaseAsync<Resource>(oldRoot, newRoot, ct),
            ["cob_matches"] = await db.RebaseAsync<NeedMatch>(oldRoot, newRoot, ct),
            ["cob_projects"] = await db.RebaseAsync<CoProject>(oldRoot, newRoot, ct),
            ["cob_project_parties"] = await db.RebaseAsync<ProjectParty>(oldRoot, newRoot, ct),
            ["cob_project_milestones"] = await db.RebaseAsync<ProjectMilestone>(oldRoot, newRoot, ct),
            ["cob_agreements"] = await db.RebaseAsync<Agreement>(oldRoot, newRoot, ct),
            ["cob_obligations"] = await db.RebaseAsync<Obligation>(oldRoot, newRoot, ct),
            ["cob_unit_reviews"] = await db.RebaseAsync<UnitReview>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var needs = await db.Needs.AcrossScope().CountAsync(n => n.OrgPath == path && n.Status == NeedStatus.Open, ct);
        var projects = await db.CoProjects.AcrossScope().CountAsync(p => p.OrgPath == path && p.Status == ProjectStatus.Running, ct);
        var agreements = await db.Agreements.AcrossScope().CountAsync(a => a.OrgPath == path && a.Status == AgreementStatus.InForce, ct);
        var parts = new[] { (needs, "条待对接的需求"), (projects, "个实施中的共建项目"), (agreements, "份履约中的共建协议") }.Where(x => x.Item1 > 0).Select(x => $"{x.Item1} {x.Item2}");
        return parts.Any() ? string.Join("、", parts) : null;
    }
}
