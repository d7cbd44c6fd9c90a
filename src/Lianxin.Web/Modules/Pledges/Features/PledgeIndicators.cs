using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>
/// Pledges' figures for leaders: pledges falling due in the period and how many were done on time; and, as source 001 reports
/// them, the pledges done in the period by owner class (班子成员, 党组织, 党员). Only public pledges count: not drafts, nor members'
/// pledges waiting for or returned by their secretary.
/// </summary>
public sealed class PledgeIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Due = "pledges.due", DoneOnTimeRate = "pledges.done_on_time_rate", Late = "pledges.late";
    public const string DoneByLeaders = "pledges.done_by_leaders", DoneByBranches = "pledges.done_by_branches", DoneByMembers = "pledges.done_by_members";

    /// <summary>The owner class each "done by" indicator counts.</summary>
    public static readonly IReadOnlyDictionary<string, PledgeOwner> DoneBy = new Dictionary<string, PledgeOwner>
    {
        [DoneByLeaders] = PledgeOwner.Leader, [DoneByBranches] = PledgeOwner.Branch, [DoneByMembers] = PledgeOwner.Member,
    };

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Due, "到期实事件数", "承诺完成日期落在期间内的为民办实事件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(DoneOnTimeRate, "实事按期办结率", "期间内到期的实事中，在承诺日期前（含当日）办结的比例。", "Pledges", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(Late, "逾期实事件数", "期间内到期、未在承诺日期前办结的实事件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum, HigherIsBetter: false),
        new(DoneByLeaders, "班子成员完成实事清单数", "承诺主体为班子成员、完成日期落在期间内的为民办实事件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(DoneByBranches, "党组织完成实事清单数", "承诺主体为党组织、完成日期落在期间内的为民办实事件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(DoneByMembers, "党员完成承诺清单数", "承诺主体为党员（含经支部审核公开的党员承诺）、完成日期落在期间内的件数。", "Pledges", IndicatorUnit.Count, IndicatorRollup.Sum),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        var byOwner = codes.Any(DoneBy.ContainsKey);
        // One read per figure for every subtree asked (ADR 0039), the rows added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        var pledges = db.Pledges.AcrossScope().AsNoTracking()
            .Where(p => p.OrgPath.StartsWith(root) && (p.State == PledgeState.Open || p.State == PledgeState.Closed));
        var due = await pledges.Where(p => p.DueOn >= from && p.DueOn <= to).Select(p => new { p.OrgPath, p.DueOn, p.DoneOn }).ToListAsync(ct);
        var done = byOwner
            ? await pledges.Where(p => p.DoneOn >= from && p.DoneOn <= to).GroupBy(p => new { p.OrgPath, p.Owner })
                .Select(g => new { g.Key.OrgPath, g.Key.Owner, N = g.Count() }).ToListAsync(ct)
            : [];
        foreach (var path in subtreePaths.Distinct())
        {
            var rows = due.Where(p => SubtreeSums.Under(p.OrgPath, path)).ToList();
            var onTime = rows.Count(p => p.DoneOn is { } d && d <= p.DueOn);
            var values = new Dictionary<string, IndicatorValue>
            {
                [Due] = new(rows.Count),
                [DoneOnTimeRate] = new(onTime, rows.Count),
                [Late] = new(rows.Count - onTime),
            };
            if (byOwner)
                foreach (var (code, owner) in DoneBy)
                    values[code] = new(done.Where(x => x.Owner == owner && SubtreeSums.Under(x.OrgPath, path)).Sum(x => x.N));
            foreach (var code in codes)
                if (values.TryGetValue(code, out var v)) result[(code, path)] = v;
        }
        return result;
    }
}
