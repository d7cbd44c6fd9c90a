using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record CoverageLine(Guid UnitId, string Unit, int Trained, int Members)
{
    public decimal? Rate => Members == 0 ? null : (decimal)Trained / Members;
}

public record CoverageReport(Guid UnitId, string Unit, DateOnly From, DateOnly To, CoverageLine Total, IReadOnlyList<CoverageLine> Children);

/// <summary>
/// 培训全覆盖: for a unit and each unit directly under it, how many of the members on its roster at the end of the period
/// signed in to at least one session held in the period (wherever it was organised), over that roster.
/// </summary>
public static class GetTrainingCoverage
{
    public static async Task<Outcome<CoverageReport>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock,
        Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var today = clock.Today();
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        if (end < start) return Failure.Invalid("To", "结束日期不能早于开始日期。");
        if (end.DayNumber - start.DayNumber > 366 * 3) return Failure.Invalid("To", "统计区间最长三年。");
        var unit = unitId is { } id ? await org.FindAsync(id, ct) : (await org.InScopeAsync(ct)).OrderBy(u => u.Depth).FirstOrDefault();
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, unit.Path)) return Failure.Forbidden;

        var trained = await TrainedAsync(db, start, end, ct);
        var children = (await org.ChildrenAsync(unit.Id, ct)).Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Path).ToList();
        var counts = await CountEachAsync(members, [unit.Path, .. children.Select(c => c.Path)], end, trained, ct);
        CoverageLine Line(Guid id, string name, string path) => new(id, name, counts[path].Trained, counts[path].Members);
        return new CoverageReport(unit.Id, unit.DisplayName, start, end, Line(unit.Id, unit.DisplayName, unit.Path),
            children.Select(c => Line(c.Id, c.DisplayName, c.Path)).ToList());
    }

    /// <summary>Everyone in the district who signed in to a session held in [from, to]: coverage counts training wherever it was given.</summary>
    public static async Task<HashSet<Guid>> TrainedAsync(LianxinDb db, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.TrainingRecords.AcrossScope().Where(r => r.SignedInAt != null && r.HeldOn >= from && r.HeldOn <= to)
            .Select(r => r.MemberId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// Numerator and denominator for each subtree: its roster at the end of the period, and those of them trained. The roster of
    /// the subtrees' common ancestor is read once and split by the branch holding each member that day (ADR 0039), so the unit's
    /// children, or 对标对表's streets, cost the same few statements as one subtree.
    /// </summary>
    public static async Task<Dictionary<string, (int Trained, int Members)>> CountEachAsync(MemberDirectory members, IReadOnlyCollection<string> paths,
        DateOnly to, IReadOnlySet<Guid> trained, CancellationToken ct)
    {
        if (paths.Count == 0) return [];
        var roster = await members.RosterPlacesOnAsync(SubtreeSums.Common(paths), to, ct);
        var perBranch = roster.GroupBy(x => x.BranchPath).Select(g => (Path: g.Key, Trained: g.Count(x => trained.Contains(x.MemberId)), Members: g.Count())).ToList();
        return SubtreeSums.PerRoot(paths, perBranch, x => x.Path, xs => (xs.Sum(x => x.Trained), xs.Sum(x => x.Members)));
    }
}
