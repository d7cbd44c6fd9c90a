using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>Pledges' figures for leaders: pledges falling due in the period and how many were done on time.</summary>
public sealed class PledgeIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Due = "pledges.due", DoneOnTimeRate = "pledges.done_on_time_rate", Late = "pledges.late";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Due, "到期实事件数", "承诺完成日期落在期间内的为民办实事件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(DoneOnTimeRate, "实事按期办结率", "期间内到期的实事中，在承诺日期前（含当日）办结的比例。", "Pledges", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(Late, "逾期实事件数", "期间内到期、未在承诺日期前办结的实事件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum, HigherIsBetter: false),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        foreach (var path in subtreePaths.Distinct())
        {
            var rows = await db.Pledges.AcrossScope().AsNoTracking()
                .Where(p => p.OrgPath.StartsWith(path) && p.DueOn >= from && p.DueOn <= to)
                .Select(p => new { p.DueOn, p.DoneOn })
                .ToListAsync(ct);
            var onTime = rows.Count(p => p.DoneOn is { } done && done <= p.DueOn);
            var values = new Dictionary<string, IndicatorValue>
            {
                [Due] = new(rows.Count),
                [DoneOnTimeRate] = new(onTime, rows.Count),
                [Late] = new(rows.Count - onTime),
            };
            foreach (var code in codes)
                if (values.TryGetValue(code, out var v)) result[(code, path)] = v;
        }
        return result;
    }
}
