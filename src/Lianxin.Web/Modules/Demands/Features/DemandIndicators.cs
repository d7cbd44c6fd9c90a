using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>Demands' figures for leaders: one grouped query per subtree asked, over demands received in the period.</summary>
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
        var start = ChinaTime.StartOfDayUtc(from);
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var result = new Dictionary<(string, string), IndicatorValue>();
        foreach (var path in subtreePaths.Distinct())
        {
            var sums = await db.Demands.AcrossScope().AsNoTracking()
                .Where(d => d.OrgPath.StartsWith(path) && d.CreatedAt >= start && d.CreatedAt < end && d.State != DemandState.Merged)
                .GroupBy(d => 1)
                .Select(g => new
                {
                    Received = g.Count(),
                    Resolved = g.Sum(d => d.State == DemandState.Resolved || d.State == DemandState.Closed ? 1 : 0),
                    Overdue = g.Sum(d => d.Overdue ? 1 : 0),
                    Rated = g.Sum(d => d.State == DemandState.Closed && d.Rating != null ? 1 : 0),
                    Content = g.Sum(d => d.State == DemandState.Closed && (d.Rating == Satisfaction.Satisfied || d.Rating == Satisfaction.BasicallySatisfied) ? 1 : 0),
                    Timed = g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null ? 1 : 0),
                    Hours = g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null ? d.ResolveHours!.Value : 0.0),
                })
                .FirstOrDefaultAsync(ct);
            var received = sums?.Received ?? 0;
            var values = new Dictionary<string, IndicatorValue>
            {
                [Received] = new(received),
                [ResolveRate] = new(sums?.Resolved ?? 0, received),
                [Overdue] = new(sums?.Overdue ?? 0),
                [SatisfactionRate] = new(sums?.Content ?? 0, sums?.Rated ?? 0),
                [AvgResolveHours] = new((decimal)(sums?.Hours ?? 0), sums?.Timed ?? 0),
            };
            foreach (var code in codes)
                if (values.TryGetValue(code, out var v)) result[(code, path)] = v;
        }
        return result;
    }
}
