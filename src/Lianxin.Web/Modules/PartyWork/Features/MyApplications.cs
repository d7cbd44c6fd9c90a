using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>A compound or grid a resident may apply through (value <c>c:{id}</c> or <c>g:{id}</c>), with the branch that receives it.</summary>
public record ApplyPlace(string Value, string Name, string BranchName);

/// <summary>One of my applications and where it stands.</summary>
public record MyApplication(Guid Id, string BranchName, DateOnly AppliedOn, RecruitStage Stage, string StageName, string StepName, DateOnly StepOn,
    RecruitState State, string StateName, string? NextName);

public record ApplyPage(string? CommunityName, IReadOnlyList<ApplyPlace> Compounds, IReadOnlyList<ApplyPlace> Grids, IReadOnlyList<MyApplication> Mine)
{
    public bool HasOpen => Mine.Any(a => a.State == RecruitState.Active);
}

/// <summary>
/// 申请入党 for a signed-in resident: the compounds and grids of their community whose branch can receive an application, and their own
/// applications with the step each has reached (their own rows, so read across scope).
/// </summary>
public static class MyApplications
{
    public static async Task<Outcome<ApplyPage>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me || !db.Scope.CanAnywhere(PartyWorkPermissions.ApplyOwn)) return Failure.Forbidden;
        var community = await ResidentCommunityAsync(db, org, ct);
        var compounds = new List<ApplyPlace>();
        var grids = new List<ApplyPlace>();
        if (community is not null)
        {
            var routes = await places.CompoundRoutesInDistrictAsync([community.Id], ct);
            var gridRefs = await places.GridsOfCommunityAsync(community.Id, ct);
            var names = await org.NamesAsync(routes.Select(c => c.BranchId ?? c.GridBranchId).Concat(gridRefs.Select(g => g.BranchId)).OfType<Guid>().Distinct().ToList(), ct);
            compounds = routes.Where(c => (c.BranchId ?? c.GridBranchId) is { } b && names.ContainsKey(b))
                .Select(c => new ApplyPlace($"c:{c.Id}", c.Name, names[(c.BranchId ?? c.GridBranchId)!.Value])).ToList();
            grids = gridRefs.Where(g => g.BranchId is { } b && names.ContainsKey(b)).Select(g => new ApplyPlace($"g:{g.Id}", g.Name, names[g.BranchId!.Value])).ToList();
        }
        var mine = await db.Recruits.AcrossScope().AsNoTracking().Where(r => r.UserId == me).OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(ct);
        var steps = (await RecruitProcedure.StepsAsync(db, ct)).ToDictionary(s => s.Code, s => s.Name);
        var branches = await org.NamesAsync(mine.Select(r => r.BranchId).Distinct().ToList(), ct);
        var ids = mine.Select(r => r.Id).ToList();
        var applied = (await db.RecruitEntries.AcrossScope().AsNoTracking().Where(e => ids.Contains(e.RecruitId) && e.StepCode == RecruitRules.Apply)
            .Select(e => new { e.RecruitId, e.On }).ToListAsync(ct)).GroupBy(e => e.RecruitId).ToDictionary(x => x.Key, x => x.Min(e => e.On));
        return new ApplyPage(community?.PublicName, compounds, grids, mine.Select(r => new MyApplication(r.Id, branches.GetValueOrDefault(r.BranchId, "—"),
            applied.GetValueOrDefault(r.Id, r.StepOn), r.Stage, r.Stage.Chinese(), steps.GetValueOrDefault(r.StepCode, r.StepCode), r.StepOn, r.State, r.State.Chinese(),
            r.State == RecruitState.Active && r.NextCode is { } n ? steps.GetValueOrDefault(n, n) : null)).ToList());
    }

    /// <summary>The community the resident is registered at (their role is held there).</summary>
    internal static async Task<OrgUnitRef?> ResidentCommunityAsync(LianxinDb db, OrgDirectory org, CancellationToken ct) =>
        (await org.InScopeAsync(ct, true, OrgKind.Community)).FirstOrDefault(c => db.Scope.Can(PartyWorkPermissions.ApplyOwn, c.Path));
}
