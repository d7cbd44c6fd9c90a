using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>
/// Demands' figures for leaders: one grouped sum for all the subtrees asked (ADR 0039) over the maintained daily rows of the period (ADR 0035), the same
/// definitions as <see cref="DemandFigures"/>.
/// </summary>
public sealed class DemandIndicators(LianxinDb db, TimeProvider clock) : IIndicatorSource
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
        if (subtreePaths.Count == 0) return result;
        // One grouped read per table for every subtree asked (ADR 0039): rows per unit path, added up per subtree below.
        var root = SubtreeSums.Common(subtreePaths);
        var rangeEnd = QueryFilters.RangeEnd(root);
        // Months from the monthly rows, the days of partial months from the daily ones, minus the days outside the period of a
        // month read whole (ADR 0045, 0049).
        var spans = FigureSpans.Of(from, to, clock.Today());
        var rows = new List<Sums>();
        if (FigureSpans.On(db.DemandDayFigures.AcrossScope().AsNoTracking(), root, rangeEnd, spans.Days) is { } days) rows.AddRange(await PerPathAsync(days, ct));
        if (spans.Months(db.DemandMonthFigures.AcrossScope().AsNoTracking(), root, rangeEnd) is { } months) rows.AddRange(await PerPathAsync(months, ct));
        if (FigureSpans.On(db.DemandDayFigures.AcrossScope().AsNoTracking(), root, rangeEnd, spans.Minus) is { } minus)
            rows.AddRange((await PerPathAsync(minus, ct)).Select(r => r.Negated()));
        foreach (var (path, sums) in SubtreeSums.PerRoot(subtreePaths, rows, r => r.Path, Sums.Total))
        {
            var values = new Dictionary<string, IndicatorValue>
            {
                [Received] = new(sums.Received),
                [ResolveRate] = new(sums.Resolved, sums.Received),
                [Overdue] = new(sums.Overdue),
                [SatisfactionRate] = new(sums.Content, sums.Rated),
                // Rounded off the last bits that adding and taking away doubles leaves behind.
                [AvgResolveHours] = new(sums.Timed > 0 ? Math.Round((decimal)sums.Hours, 9) : 0, sums.Timed),
            };
            foreach (var code in codes)
                if (values.TryGetValue(code, out var v)) result[(code, path)] = v;
        }
        return result;
    }

    static Task<List<Sums>> PerPathAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : DemandFiguresRow => rows
        .GroupBy(x => x.OrgPath)
        .Select(g => new Sums(g.Key, g.Sum(x => x.Received), g.Sum(x => x.Resolved), g.Sum(x => x.Overdue),
            g.Sum(x => x.Satisfied + x.BasicallySatisfied + x.Unsatisfied), g.Sum(x => x.Satisfied + x.BasicallySatisfied),
            g.Sum(x => x.Timed), g.Sum(x => x.Hours)))
        .ToListAsync(ct);

    sealed record Sums(string Path, int Received, int Resolved, int Overdue, int Rated, int Content, int Timed, double Hours)
    {
        public Sums Negated() => new(Path, -Received, -Resolved, -Overdue, -Rated, -Content, -Timed, -Hours);

        public static Sums Total(IEnumerable<Sums> rows) => rows.Aggregate(new Sums("", 0, 0, 0, 0, 0, 0, 0), (a, b) =>
            new(a.Path, a.Received + b.Received, a.Resolved + b.Resolved, a.Overdue + b.Overdue, a.Rated + b.Rated, a.Content + b.Content,
                a.Timed + b.Timed, a.Hours + b.Hours));
    }
}
