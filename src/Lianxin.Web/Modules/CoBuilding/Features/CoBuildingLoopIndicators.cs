using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>Figures of the three lists and agreements: needs published and met, resources offered and used, projects, and 共建单位履约率.</summary>
public sealed class CoBuildingLoopIndicators(LianxinDb db) : IIndicatorSource
{
    public const string NeedsPublished = "cobuilding.needs_published", NeedsMet = "cobuilding.needs_met_rate",
        ResourcesOffered = "cobuilding.resources_offered", ResourcesUsed = "cobuilding.resources_used",
        ProjectsRunning = "cobuilding.projects_running", ProjectsDone = "cobuilding.projects_done", ProjectsOnTime = "cobuilding.projects_on_time_rate",
        FulfilmentRate = "cobuilding.fulfilment_rate";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(NeedsPublished, "发布需求数", "期间内社区、街道发布到需求清单的需求条数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(NeedsMet, "需求满足率", "期间内发布的需求中，到期末已由对接的资源全部满足的比例。", "CoBuilding", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(ResourcesOffered, "提供资源数", "期间内驻在该组织范围内的共建单位发布到资源清单的资源条数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(ResourcesUsed, "被对接资源数", "期间内至少确认过一次供需对接的资源条数（按资源所属单位的驻在地统计）。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(ProjectsRunning, "实施中项目数", "期末已开始、尚未完成的共建项目数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(ProjectsDone, "完成项目数", "期间内完成的共建项目数。", "CoBuilding", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(ProjectsOnTime, "项目按期完成率", "期间内完成的共建项目中，不晚于计划完成日期完成的比例。", "CoBuilding", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(FulfilmentRate, "共建单位履约率", "期间所含年度的年度履约评议中，共建单位已履行的义务数占当年到期义务数的比例。", "CoBuilding", IndicatorUnit.Percent,
            IndicatorRollup.RatioOfSums),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        // One grouped read per figure for every subtree asked (ADR 0039): rows per unit path, added up per subtree.
        var root = SubtreeSums.Common(subtreePaths);
        void Put(string code, IReadOnlyCollection<PathCount> rows, Func<IEnumerable<PathCount>, IndicatorValue> value)
        {
            foreach (var (path, v) in SubtreeSums.PerRoot(subtreePaths, rows, r => r.Path, value)) result[(code, path)] = v;
        }
        if (codes.Contains(NeedsPublished) || codes.Contains(NeedsMet))
        {
            var needs = await db.Needs.AcrossScope().Where(n => n.OrgPath.StartsWith(root) && n.PublishedAt >= start && n.PublishedAt < end)
                .GroupBy(n => n.OrgPath).Select(g => new PathCount(g.Key, g.Count(), g.Count(n => n.MetAt != null && n.MetAt < end))).ToListAsync(ct);
            Put(NeedsPublished, needs, r => new(r.Sum(x => x.N)));
            Put(NeedsMet, needs, r => new(r.Sum(x => x.Of), r.Sum(x => x.N)));
        }
        if (codes.Contains(ResourcesOffered))
            Put(ResourcesOffered, await db.Resources.AcrossScope().Where(r => r.OrgPath.StartsWith(root) && r.PublishedAt >= start && r.PublishedAt < end)
                .GroupBy(r => r.OrgPath).Select(g => new PathCount(g.Key, g.Count(), 0)).ToListAsync(ct), r => new(r.Sum(x => x.N)));
        if (codes.Contains(ResourcesUsed))
        {
            var used = await db.NeedMatches.AcrossScope().Where(m => m.ConfirmedAt >= start && m.ConfirmedAt < end)
                .Join(db.Resources.AcrossScope().Where(r => r.OrgPath.StartsWith(root)), m => m.ResourceId, r => r.Id, (m, r) => new { r.Id, r.OrgPath })
                .Distinct().ToListAsync(ct);
            Put(ResourcesUsed, used.Select(u => new PathCount(u.OrgPath, 1, 0)).ToList(), r => new(r.Sum(x => x.N)));
        }
        var projects = db.CoProjects.AcrossScope().Where(p => p.OrgPath.StartsWith(root));
        if (codes.Contains(ProjectsRunning))
            Put(ProjectsRunning, await projects.Where(p => p.StartOn <= to && (p.DoneOn == null || p.DoneOn > to))
                .GroupBy(p => p.OrgPath).Select(g => new PathCount(g.Key, g.Count(), 0)).ToListAsync(ct), r => new(r.Sum(x => x.N)));
        if (codes.Contains(ProjectsDone) || codes.Contains(ProjectsOnTime))
        {
            var done = await projects.Where(p => p.DoneOn >= from && p.DoneOn <= to)
                .GroupBy(p => p.OrgPath).Select(g => new PathCount(g.Key, g.Count(), g.Count(p => p.DoneOn <= p.EndOn))).ToListAsync(ct);
            Put(ProjectsDone, done, r => new(r.Sum(x => x.N)));
            Put(ProjectsOnTime, done, r => new(r.Sum(x => x.Of), r.Sum(x => x.N)));
        }
        if (codes.Contains(FulfilmentRate))
        {
            var sums = await db.UnitReviews.AcrossScope().Where(x => x.OrgPath.StartsWith(root) && x.Year >= from.Year && x.Year <= to.Year)
                .GroupBy(x => x.OrgPath).Select(g => new PathCount(g.Key, g.Sum(x => x.Due), g.Sum(x => x.Fulfilled))).ToListAsync(ct);
            Put(FulfilmentRate, sums, r => new(r.Sum(x => x.Of), r.Sum(x => x.N)));
        }
        return result;
    }

    /// <summary>Per unit path: how many rows, and how many of them have the figure's quality (or a sum and its part).</summary>
    sealed record PathCount(string Path, int N, int Of);
}
