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
        var asOf = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        foreach (var path in subtreePaths.Distinct())
        {
            if (codes.Contains(PartnerUnits))
                result[(PartnerUnits, path)] = new(await db.PartnerUnits.AcrossScope()
                    .CountAsync(u => u.OrgPath.StartsWith(path) && u.CreatedAt <= asOf, ct));
            if (codes.Contains(Seats))
                result[(Seats, path)] = new(await db.CommitteeSeats.AcrossScope()
                    .CountAsync(s => s.OrgPath.StartsWith(path) && s.TermFrom <= to && (s.TermTo == null || s.TermTo >= to), ct));
            await ReadAlliancesAndMeetingsAsync(codes, path, from, to, result, ct);
        }
        return result;
    }

    async Task ReadAlliancesAndMeetingsAsync(IReadOnlyCollection<string> codes, string path, DateOnly from, DateOnly to,
        Dictionary<(string, string), IndicatorValue> result, CancellationToken ct)
    {
        if (codes.Contains(Alliances) || codes.Contains(AllianceMembers) || codes.Contains(AllianceSize))
        {
            var alliances = await db.Alliances.AcrossScope().CountAsync(a => a.OrgPath.StartsWith(path) && a.FoundedOn <= to, ct);
            // A member on the period's last day: joined by then and not left by then (it leaves on LeftOn).
            var members = await db.AllianceMembers.AcrossScope()
                .CountAsync(m => m.OrgPath.StartsWith(path) && m.JoinedOn <= to && (m.LeftOn == null || m.LeftOn > to), ct);
            if (codes.Contains(Alliances)) result[(Alliances, path)] = new(alliances);
            if (codes.Contains(AllianceMembers)) result[(AllianceMembers, path)] = new(members);
            if (codes.Contains(AllianceSize)) result[(AllianceSize, path)] = new(members, alliances);
        }
        if (codes.Contains(Meetings))
            result[(Meetings, path)] = new(await db.CommitteeMeetings.AcrossScope().CountAsync(m => m.OrgPath.StartsWith(path) && m.HeldOn >= from && m.HeldOn <= to, ct));
    }
}
