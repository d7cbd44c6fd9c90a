using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

/// <summary>Counts of mediation by community: numbers only, so the street and district read them though they never see a case.</summary>
public class MediationIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Cases = "mediation.cases", SuccessRate = "mediation.success_rate";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Cases, "调解受理数", "期间受理的矛盾纠纷调解案件数。", "Mediation", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(SuccessRate, "调解成功率", "期间结案的调解案件中达成协议的比例（未达成、转诉讼计入分母）。", "Mediation", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        var cases = db.MediationCases.AcrossScope().AsNoTracking();
        foreach (var path in subtreePaths)
        {
            if (codes.Contains(Cases))
                result[(Cases, path)] = new(await cases.CountAsync(c => c.OrgPath.StartsWith(path) && c.OpenedOn >= from && c.OpenedOn <= to, ct));
            if (codes.Contains(SuccessRate))
            {
                var closed = await cases.Where(c => c.OrgPath.StartsWith(path) && c.ClosedOn >= from && c.ClosedOn <= to && c.State != CaseState.Open)
                    .GroupBy(c => c.State == CaseState.Agreed).Select(g => new { Agreed = g.Key, N = g.Count() }).ToListAsync(ct);
                result[(SuccessRate, path)] = new(closed.Where(x => x.Agreed).Sum(x => x.N), closed.Sum(x => x.N));
            }
        }
        return result;
    }
}
