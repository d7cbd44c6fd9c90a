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
        foreach (var path in subtreePaths)
        {
            var q = db.HouseholdVisits.AsNoTracking().Where(v => v.OrgPath.StartsWith(path) && v.VisitedOn >= from && v.VisitedOn <= to);
            var visits = await q.CountAsync(ct);
            if (codes.Contains(Visits)) result[(Visits, path)] = new(visits);
            if (codes.Contains(VisitsPerVisitor)) result[(VisitsPerVisitor, path)] = new(visits, await q.Select(v => v.VisitorUserId).Distinct().CountAsync(ct));
            if (codes.Contains(Coverage))
                result[(Coverage, path)] = new(await q.Select(v => v.HouseholdId).Distinct().CountAsync(ct), await places.CountHouseholdsUnderAsync(path, ct));
            if (codes.Contains(DemandsRaised)) result[(DemandsRaised, path)] = new(await q.CountAsync(v => v.DemandId != null, ct));
        }
        return result;
    }
}
