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
        if (subtreePaths.Count == 0) return result;
        // One grouped read per figure for every subtree asked (ADR 0039), added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        var cases = db.MediationCases.AcrossScope().AsNoTracking().Where(c => c.OrgPath.StartsWith(root));
        if (codes.Contains(Cases))
        {
            var opened = await cases.Where(c => c.OpenedOn >= from && c.OpenedOn <= to).GroupBy(c => c.OrgPath)
                .Select(g => new { Path = g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, opened, c => c.Path, c => c.Sum(x => x.N)))
                result[(Cases, path)] = new(n);
        }
        if (codes.Contains(SuccessRate))
        {
            var closed = await cases.Where(c => c.ClosedOn >= from && c.ClosedOn <= to && c.State != CaseState.Open)
                .GroupBy(c => c.OrgPath).Select(g => new { Path = g.Key, Agreed = g.Count(c => c.State == CaseState.Agreed), N = g.Count() }).ToListAsync(ct);
            foreach (var (path, mine) in SubtreeSums.PerRoot(subtreePaths, closed, c => c.Path, c => c.ToList()))
                result[(SuccessRate, path)] = new(mine.Sum(x => x.Agreed), mine.Sum(x => x.N));
        }
        return result;
    }
}
