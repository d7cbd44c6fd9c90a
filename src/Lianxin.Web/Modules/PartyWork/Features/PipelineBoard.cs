using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

public record BoardRow(Guid Id, string Name, Guid BranchId, string BranchName, RecruitStage Stage, string StageName, string StepName, DateOnly Since,
    string? NextName, DateOnly? NextDueOn, bool Overdue)
{
    /// <summary>Due but not late: a minimum interval reached (the activist's year is up), so the branch may act now.</summary>
    public bool Ready(DateOnly today) => !Overdue && NextDueOn is { } d && d <= today;
}

/// <summary>People per stage in one branch (the street-wide board's table).</summary>
public record BranchCounts(Guid BranchId, string BranchName, IReadOnlyDictionary<RecruitStage, int> Stages, int Overdue);

public record Board(Guid? UnitId, string UnitName, IReadOnlyList<BoardRow> Rows, IReadOnlyList<BranchCounts> Branches,
    IReadOnlyDictionary<RecruitStage, int> Totals, int Overdue, bool CanRegister, IReadOnlyList<OrgUnitRef> Units, DateOnly Today);

/// <summary>
/// Who is at which step of the pipeline, since when, and what falls due next, for one unit's subtree (a branch, a community
/// or the street) or everything the caller sees; overdue deadlines first.
/// </summary>
public static class PipelineBoard
{
    public static async Task<Outcome<Board>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, RecruitStage? stage, CancellationToken ct)
    {
        // Residents hold a role in the community too (申请入党): the board is for those who run the pipeline.
        if (!db.Scope.CanAnywhere(PartyWorkPermissions.View)) return Failure.Forbidden;
        OrgUnitRef? unit = null;
        if (unitId is { } uid && (unit = await org.FindAsync(uid, ct)) is null) return Failure.NotFound;
        var q = db.Recruits.AsNoTracking().Where(r => r.State == RecruitState.Active);
        if (unit is not null) q = q.Where(r => r.OrgPath.StartsWith(unit.Path));
        var recruits = await q.ToListAsync(ct);
        var steps = await RecruitProcedure.StepsAsync(db, ct);
        var names = steps.ToDictionary(s => s.Code, s => s.Name);
        var branchNames = await BranchNamesAsync(org, recruits.Select(r => r.BranchId).Distinct().ToList(), ct);
        var today = clock.Today();
        var all = recruits.Select(r => new BoardRow(r.Id, r.Name, r.BranchId, branchNames.GetValueOrDefault(r.BranchId, "—"), r.Stage, r.Stage.Chinese(),
                names.GetValueOrDefault(r.StepCode, r.StepCode), r.StepOn, r.NextCode is { } n ? names.GetValueOrDefault(n, n) : null, r.NextDueOn,
                RecruitRules.Overdue(steps, r, today)))
            .OrderByDescending(x => x.Overdue).ThenBy(x => x.NextDueOn ?? DateOnly.MaxValue).ThenBy(x => x.Name).ToList();
        var branches = all.GroupBy(x => (x.BranchId, x.BranchName)).OrderBy(g => g.Key.BranchName)
            .Select(g => new BranchCounts(g.Key.BranchId, g.Key.BranchName, g.GroupBy(x => x.Stage).ToDictionary(s => s.Key, s => s.Count()), g.Count(x => x.Overdue)))
            .ToList();
        var totals = all.GroupBy(x => x.Stage).ToDictionary(g => g.Key, g => g.Count());
        var units = await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community, OrgKind.Branch);
        return new Board(unit?.Id, unit?.DisplayName ?? "全部", stage is { } s ? all.Where(x => x.Stage == s).ToList() : all, branches, totals,
            all.Count(x => x.Overdue), db.Scope.CanAnywhere(PartyWorkPermissions.Manage), units, today);
    }

    /// <summary>"和平社区 第一网格党支部": grid branches of different communities share their short names.</summary>
    static async Task<Dictionary<Guid, string>> BranchNamesAsync(OrgDirectory org, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var b in await org.ManyAsync(ids, ct))
            names[b.Id] = await org.CommunityOfAsync(b.Path, ct) is { } c ? $"{c.DisplayName.Replace("党委", "").Replace("党总支", "")} {b.DisplayName}" : b.DisplayName;
        return names;
    }
}
