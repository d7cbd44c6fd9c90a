using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>
/// Demands' figures for leaders: one sum per subtree asked over the maintained daily rows of the period (ADR 0035), the same
/// definitions as <see cref="DemandFigures"/>.
/// </summary>
public sealed class DemandIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Received = "demands.received", ResolveRate = "demands.resolve_rate", Overdue = "demands.overdue",
        SatisfactionRate = "demands.satisfaction_rate", AvgResolveHours = "demands.avg_resolve_hours";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Received, "诉求受理件数", "期间内受理的群众诉求件数（按受理日期，不含被合并的重复件）。", "Demands", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(ResolveRate, "诉求办结率", "期间内受理的诉求中已办结（含已评价关闭）的比例。", "Demands", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(Overdue, "超时诉求件数", "期间内受理、曾超过办理时限的诉求件数。", "Demands", IndicatorUnit.Count, IndicatorRollup.Sum, HigherIsBetter: false),
        new(SatisfactionRate, "群众满意率", "已评价诉求中评为“满意”或“基本满意”的比例。", "Demands", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(AvgResolveHours, "平均办结用时", "已办结诉求从受理到办结的平均工作小时数。", "Demands", IndicatorUnit.Hours, IndicatorRollup.RatioOfSums, HigherIsBetter: false),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        foreach (var path in subtreePaths.Distinct())
        {
            var rangeEnd = QueryFilters.RangeEnd(path);
            var sums = await db.DemandDayFigures.AcrossScope().AsNoTracking()
                .Where(x => string.Compare(x.OrgPath, path) >= 0 && string.Compare(x.OrgPath, rangeEnd) < 0 && x.Day >= from && x.Day <= to)
                .GroupBy(x => 1)
                .Select(g => new
                {
                    Received = g.Sum(x => x.Received),
                    Resolved = g.Sum(x => x.Resolved),
                    Overdue = g.Sum(x => x.Overdue),
                    Rated = g.Sum(x => x.Satisfied + x.BasicallySatisfied + x.Unsatisfied),
                    Content = g.Sum(x => x.Satisfied + x.BasicallySatisfied),
                    Timed = g.Sum(x => x.Timed),
                    Hours = g.Sum(x => x.Hours),
                })
                .FirstOrDefaultAsync(ct);
            var received = sums?.Received ?? 0;
            var values = new Dictionary<string, IndicatorValue>
            {
                [Received] = new(received),
                [ResolveRate] = new(sums?.Resolved ?? 0, received),
                [Overdue] = new(sums?.Overdue ?? 0),
                [SatisfactionRate] = new(sums?.Content ?? 0, sums?.Rated ?? 0),
                // Rounded off the last bits that adding and taking away doubles leaves behind.
                [AvgResolveHours] = new(sums is { Timed: > 0 } ? Math.Round((decimal)sums.Hours, 9) : 0, sums?.Timed ?? 0),
            };
            foreach (var code in codes)
                if (values.TryGetValue(code, out var v)) result[(code, path)] = v;
        }
        return result;
    }
}
