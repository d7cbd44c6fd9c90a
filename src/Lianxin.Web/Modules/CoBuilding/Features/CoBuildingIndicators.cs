using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>Co-building's figures for leaders: partner units stationed in a subtree and the committee seats they hold.</summary>
public sealed class CoBuildingIndicators(LianxinDb db) : IIndicatorSource
{
    public const string PartnerUnits = "cobuilding.partner_units", Seats = "cobuilding.committee_seats";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(PartnerUnits, "共建单位数", "期末在册、驻在该组织范围内的共建单位数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(Seats, "兼职委员席位数", "期末在任的大工委、大党委兼职委员席位数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
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
        }
        return result;
    }
}
