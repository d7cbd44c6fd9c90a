using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>Special campaigns by the place inspected: inspections taken in a period, and findings not yet verified as rectified at its end.</summary>
public class CampaignIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Inspections = "campaigns.inspections", FindingsOpen = "campaigns.findings_open";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Inspections, "专项行动检查次数", "期间在专项行动中登记的小区、楼栋检查次数（按检查日期）。", "Campaigns", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(FindingsOpen, "专项行动未整改问题数", "截至期末已发现、整改尚未验收通过的问题数（含整改中和待验收）。", "Campaigns", IndicatorUnit.Count, IndicatorRollup.Latest,
            HigherIsBetter: false),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // Each finding has its one task, created with it: the task says whether the finding was verified rectified by then.
        // The period's days are Beijing days: "by the end of `to`" is before the next Beijing midnight.
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        // One grouped count per figure for every subtree asked (ADR 0039), added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        if (codes.Contains(Inspections))
        {
            var rows = await db.CampaignInspections.AcrossScope().Where(i => i.OrgPath.StartsWith(root) && i.InspectedOn >= from && i.InspectedOn <= to)
                .GroupBy(i => i.OrgPath).Select(g => new { Path = g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, rows, r => r.Path, r => r.Sum(x => x.N))) result[(Inspections, path)] = new(n);
        }
        if (codes.Contains(FindingsOpen))
        {
            var rows = await db.CampaignTasks.AcrossScope().Where(t => t.OrgPath.StartsWith(root) && t.CreatedAt < end && (t.VerifiedAt == null || t.VerifiedAt >= end))
                .GroupBy(t => t.OrgPath).Select(g => new { Path = g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, rows, r => r.Path, r => r.Sum(x => x.N))) result[(FindingsOpen, path)] = new(n);
        }
        return result;
    }
}
