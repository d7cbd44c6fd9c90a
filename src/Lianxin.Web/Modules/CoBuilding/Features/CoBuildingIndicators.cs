using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>Co-building's figures for leaders: partner units stationed in a subtree, the committee seats they hold, alliances and committee meetings.</summary>
public sealed class CoBuildingIndicators(LianxinDb db) : IIndicatorSource
{
    public const string PartnerUnits = "cobuilding.partner_units", Seats = "cobuilding.committee_seats";
    public const string Alliances = "cobuilding.alliances", AllianceMembers = "cobuilding.alliance_members", AllianceSize = "cobuilding.alliance_size",
        Meetings = "cobuilding.committee_meetings";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(PartnerUnits, "共建单位数", "期末在册、驻在该组织范围内的共建单位数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(Seats, "兼职委员席位数", "期末在任的大工委、大党委兼职委员席位数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(Alliances, "党建联盟数", "期末已成立、属于该组织范围内街道或社区的党建联盟数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(AllianceMembers, "联盟成员单位数", "期末这些党建联盟的在盟成员单位数（一个单位加入两个联盟计两次）。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(AllianceSize, "联盟平均规模", "期末联盟成员单位数 ÷ 党建联盟数（家/个）。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.RatioOfSums),
        new(Meetings, "大工委、大党委例会次数", "期内召开并登记的大工委、大党委例会次数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Sum),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        var asOf = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        // One grouped count per figure for every subtree asked (ADR 0039): a count per unit path, added up per subtree.
        var root = SubtreeSums.Common(subtreePaths);
        async Task<Dictionary<string, int>> Counts(IQueryable<PathCount> byPath) =>
            SubtreeSums.PerRoot(subtreePaths, await byPath.ToListAsync(ct), r => r.Path, r => r.Sum(x => x.N));
        void Put(string code, Dictionary<string, int> counts)
        {
            foreach (var (path, n) in counts) result[(code, path)] = new(n);
        }
        if (codes.Contains(PartnerUnits))
            Put(PartnerUnits, await Counts(db.PartnerUnits.AcrossScope().Where(u => u.OrgPath.StartsWith(root) && u.CreatedAt <= asOf)
                .GroupBy(u => u.OrgPath).Select(g => new PathCount(g.Key, g.Count()))));
        if (codes.Contains(Seats))
            Put(Seats, await Counts(db.CommitteeSeats.AcrossScope().Where(s => s.OrgPath.StartsWith(root) && s.TermFrom <= to && (s.TermTo == null || s.TermTo >= to))
                .GroupBy(s => s.OrgPath).Select(g => new PathCount(g.Key, g.Count()))));
        if (codes.Contains(Alliances) || codes.Contains(AllianceMembers) || codes.Contains(AllianceSize))
        {
            var alliances = await Counts(db.Alliances.AcrossScope().Where(a => a.OrgPath.StartsWith(root) && a.FoundedOn <= to)
                .GroupBy(a => a.OrgPath).Select(g => new PathCount(g.Key, g.Count())));
            // A member on the period's last day: joined by then and not left by then (it leaves on LeftOn).
            var members = await Counts(db.AllianceMembers.AcrossScope().Where(m => m.OrgPath.StartsWith(root) && m.JoinedOn <= to && (m.LeftOn == null || m.LeftOn > to))
                .GroupBy(m => m.OrgPath).Select(g => new PathCount(g.Key, g.Count())));
            foreach (var path in alliances.Keys)
            {
                if (codes.Contains(Alliances)) result[(Alliances, path)] = new(alliances[path]);
                if (codes.Contains(AllianceMembers)) result[(AllianceMembers, path)] = new(members[path]);
                if (codes.Contains(AllianceSize)) result[(AllianceSize, path)] = new(members[path], alliances[path]);
            }
        }
        if (codes.Contains(Meetings))
            Put(Meetings, await Counts(db.CommitteeMeetings.AcrossScope().Where(m => m.OrgPath.StartsWith(root) && m.HeldOn >= from && m.HeldOn <= to)
                .GroupBy(m => m.OrgPath).Select(g => new PathCount(g.Key, g.Count()))));
        return result;
    }

    sealed record PathCount(string Path, int N);
}
