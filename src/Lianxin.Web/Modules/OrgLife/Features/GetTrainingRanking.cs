using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record RankLine(Guid MemberId, string Name, string Branch, int Tests, decimal Average, int Best);

public record RankingReport(Guid UnitId, string Unit, DateOnly From, DateOnly To, TrainingKind? Kind, Paged<Ranked<RankLine>> Lines);

/// <summary>
/// The test ranking of a unit's members over a period (月练兵: one month, kind Drill): each member's average score over the
/// scored sessions, rounded to one decimal; equal averages share a rank (1, 1, 3). Paged, the ranks of the whole list.
/// </summary>
public static class GetTrainingRanking
{
    public const int PageSize = 50;

    public static async Task<Outcome<RankingReport>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to,
        TrainingKind? kind, int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var today = clock.Today();
        var start = from ?? new DateOnly(today.Year, today.Month, 1);
        var end = to ?? start.AddMonths(1).AddDays(-1);
        if (end < start) return Failure.Invalid("To", "结束日期不能早于开始日期。");
        if (end.DayNumber - start.DayNumber > 366 * 3) return Failure.Invalid("To", "统计区间最长三年。");
        var unit = unitId is { } id ? await org.FindAsync(id, ct) : (await org.InScopeAsync(ct)).OrderBy(u => u.Depth).FirstOrDefault();
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, unit.Path)) return Failure.Forbidden;

        var rows = db.TrainingRecords.AsNoTracking().Where(r => r.OrgPath.StartsWith(unit.Path) && r.Score != null && r.HeldOn >= start && r.HeldOn <= end);
        if (kind is { } k) rows = rows.Where(r => r.Kind == k);
        // A record's path ends with its member's branch.
        var scores = await rows.Select(r => new { r.MemberId, r.MemberName, r.OrgPath, Score = r.Score!.Value }).ToListAsync(ct);
        var branchIds = scores.Select(s => OrgDirectory.UnitOf(s.OrgPath)).Distinct().ToList();
        var names = await org.NamesAsync(branchIds, ct);
        var lines = scores.GroupBy(s => s.MemberId).Select(g => new RankLine(g.Key, g.First().MemberName, names.GetValueOrDefault(OrgDirectory.UnitOf(g.Last().OrgPath), "—"),
            g.Count(), Math.Round((decimal)g.Average(x => x.Score), 1, MidpointRounding.AwayFromZero), g.Max(x => x.Score)));
        var ranked = TrainingRanking.Rank(lines, l => l.Average, l => l.Name);
        var pages = Math.Max(1, (ranked.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        return new RankingReport(unit.Id, unit.DisplayName, start, end, kind,
            new Paged<Ranked<RankLine>>(ranked.Skip((page - 1) * PageSize).Take(PageSize).ToList(), ranked.Count, page, PageSize));
    }
}
