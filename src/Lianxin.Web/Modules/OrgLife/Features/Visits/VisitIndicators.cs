using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Visits;

/// <summary>日走访 as figures for leaders: visits, visits per person, the share of households visited, demands raised from visits.</summary>
public class VisitIndicators(LianxinDb db, PlaceDirectory places) : IIndicatorSource
{
    public const string Visits = "orglife.visits";
    public const string VisitsPerVisitor = "orglife.visits_per_visitor";
    public const string Coverage = "orglife.visit_coverage";
    public const string DemandsRaised = "orglife.visit_demands";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Visits, "入户走访次数", "区间内社区工作者和网格员登记的入户走访次数。", "OrgLife", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(VisitsPerVisitor, "人均走访次数", "区间内入户走访次数除以登记过走访的人数（每个单位内按人去重）。", "OrgLife", IndicatorUnit.Count, IndicatorRollup.RatioOfSums),
        new(Coverage, "走访覆盖率", "区间内至少走访过一次的住户数占辖区住户总数的比例。", "OrgLife", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(DemandsRaised, "走访发现诉求数", "区间内由入户走访直接转为诉求的件数。", "OrgLife", IndicatorUnit.Count, IndicatorRollup.Sum),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // One grouped read for every subtree asked (ADR 0039). People and households are counted distinct within each
        // subtree, so the rows keep them (per unit path and visitor, per unit path and household) and are added up here.
        var root = SubtreeSums.Common(subtreePaths);
        var q = db.HouseholdVisits.AsNoTracking().Where(v => v.OrgPath.StartsWith(root) && v.VisitedOn >= from && v.VisitedOn <= to);
        var byVisitor = await q.GroupBy(v => new { v.OrgPath, v.VisitorUserId })
            .Select(g => new { g.Key.OrgPath, g.Key.VisitorUserId, Visits = g.Count(), Demands = g.Count(v => v.DemandId != null) }).ToListAsync(ct);
        foreach (var (path, rows) in SubtreeSums.PerRoot(subtreePaths, byVisitor, r => r.OrgPath, r => r.ToList()))
        {
            var visits = rows.Sum(r => r.Visits);
            if (codes.Contains(Visits)) result[(Visits, path)] = new(visits);
            if (codes.Contains(VisitsPerVisitor)) result[(VisitsPerVisitor, path)] = new(visits, rows.Select(r => r.VisitorUserId).Distinct().Count());
            if (codes.Contains(DemandsRaised)) result[(DemandsRaised, path)] = new(rows.Sum(r => r.Demands));
        }
        if (codes.Contains(Coverage))
        {
            var visited = await q.Select(v => new { v.OrgPath, v.HouseholdId }).Distinct().ToListAsync(ct);
            var households = await places.CountHouseholdsUnderEachAsync(subtreePaths, ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, visited, v => v.OrgPath, v => v.Select(x => x.HouseholdId).Distinct().Count()))
                result[(Coverage, path)] = new(n, households[path]);
        }
        return result;
    }
}
