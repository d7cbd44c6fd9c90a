using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>Committees whose terms are ending, vacant secretaries and units under rectification, as of the period's last day.</summary>
public class CommitteeIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Expiring = "partywork.committees_expiring", Vacant = "partywork.vacant_secretaries", Rectifying = "partywork.branches_rectifying";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Expiring, "临近换届班子数", "期末在任的班子（党支部委员会、社区党组织委员会、居委会、居务监督委员会）中，任期已满或将在六个月内届满的个数",
            "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest, HigherIsBetter: false),
        new(Vacant, "书记空缺数", "期末在任的党支部委员会、社区党组织委员会中，当天无人担任书记的个数", "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest, HigherIsBetter: false),
        new(Rectifying, "整顿中的党组织数", "期末已由街道确定为整顿对象、尚未验收销号的党支部和社区党组织个数", "PartyWork", IndicatorUnit.Count, IndicatorRollup.Latest, HigherIsBetter: false),
    ];

    /// <summary>The committee was serving at the end of <paramref name="on"/>: elected by then and not yet replaced.</summary>
    public static bool Serving(Committee c, DateOnly on) => c.TermStart <= on && (c.EndedOn is null || c.EndedOn > on);

    public static bool ExpiringOn(Committee c, DateOnly on) => Serving(c, on) && c.TermEndsOn <= on.AddMonths(6);

    public static bool SecretaryVacantOn(Committee c, IEnumerable<CommitteeSeat> seats, DateOnly on) =>
        c.Kind.IsParty() && Serving(c, on) && !seats.Any(s => s.CommitteeId == c.Id && s.Post == CommitteeRules.Secretary && s.FromOn <= on && (s.LeftOn is null || s.LeftOn > on));

    public static bool RectifyingOn(BranchRectification r, DateOnly on) => r.StartedOn <= on && (r.ExitedOn is null || r.ExitedOn > on);

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var roots = subtreePaths.ToList();
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (codes.Contains(Expiring) || codes.Contains(Vacant))
        {
            var committees = await db.Committees.AsNoTracking().Where(c => c.TermStart <= to && (c.EndedOn == null || c.EndedOn > to) && roots.Any(p => c.OrgPath.StartsWith(p)))
                .ToListAsync(ct);
            var ids = committees.Select(c => c.Id).ToList();
            var seats = (await db.PartyCommitteeSeats.AsNoTracking().Where(s => ids.Contains(s.CommitteeId) && s.Post == CommitteeRules.Secretary).ToListAsync(ct)).ToLookup(s => s.CommitteeId);
            foreach (var path in roots)
            {
                var mine = committees.Where(c => c.OrgPath.StartsWith(path, StringComparison.Ordinal)).ToList();
                if (codes.Contains(Expiring)) result[(Expiring, path)] = new IndicatorValue(mine.Count(c => ExpiringOn(c, to)));
                if (codes.Contains(Vacant)) result[(Vacant, path)] = new IndicatorValue(mine.Count(c => SecretaryVacantOn(c, seats[c.Id], to)));
            }
        }
        if (codes.Contains(Rectifying))
        {
            var rects = await db.BranchRectifications.AsNoTracking().Where(r => r.StartedOn <= to && (r.ExitedOn == null || r.ExitedOn > to) && roots.Any(p => r.OrgPath.StartsWith(p)))
                .ToListAsync(ct);
            foreach (var path in roots)
                result[(Rectifying, path)] = new IndicatorValue(rects.Count(r => RectifyingOn(r, to) && r.OrgPath.StartsWith(path, StringComparison.Ordinal)));
        }
        return result;
    }
}
