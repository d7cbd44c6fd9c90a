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
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        foreach (var path in subtreePaths.Distinct())
        {
            if (codes.Contains(NeedsPublished) || codes.Contains(NeedsMet))
            {
                var published = db.Needs.AcrossScope().Where(n => n.OrgPath.StartsWith(path) && n.PublishedAt >= start && n.PublishedAt < end);
                var count = await published.CountAsync(ct);
                result[(NeedsPublished, path)] = new(count);
                result[(NeedsMet, path)] = new(await published.CountAsync(n => n.MetAt != null && n.MetAt < end, ct), count);
            }
            if (codes.Contains(ResourcesOffered))
                result[(ResourcesOffered, path)] = new(await db.Resources.AcrossScope().CountAsync(r => r.OrgPath.StartsWith(path) && r.PublishedAt >= start && r.PublishedAt < end, ct));
            if (codes.Contains(ResourcesUsed))
                result[(ResourcesUsed, path)] = new(await db.NeedMatches.AcrossScope().Where(m => m.ConfirmedAt >= start && m.ConfirmedAt < end)
                    .Join(db.Resources.AcrossScope().Where(r => r.OrgPath.StartsWith(path)), m => m.ResourceId, r => r.Id, (m, r) => r.Id).Distinct().CountAsync(ct));
            var projects = db.CoProjects.AcrossScope().Where(p => p.OrgPath.StartsWith(path));
            if (codes.Contains(ProjectsRunning))
                result[(ProjectsRunning, path)] = new(await projects.CountAsync(p => p.StartOn <= to && (p.DoneOn == null || p.DoneOn > to), ct));
            if (codes.Contains(ProjectsDone) || codes.Contains(ProjectsOnTime))
            {
                var done = projects.Where(p => p.DoneOn >= from && p.DoneOn <= to);
                var count = await done.CountAsync(ct);
                result[(ProjectsDone, path)] = new(count);
                result[(ProjectsOnTime, path)] = new(await done.CountAsync(p => p.DoneOn <= p.EndOn, ct), count);
            }
            if (codes.Contains(FulfilmentRate))
            {
                var sums = await db.UnitReviews.AcrossScope().Where(x => x.OrgPath.StartsWith(path) && x.Year >= from.Year && x.Year <= to.Year)
                    .GroupBy(_ => 1).Select(g => new { Fulfilled = g.Sum(x => x.Fulfilled), Due = g.Sum(x => x.Due) }).FirstOrDefaultAsync(ct);
                result[(FulfilmentRate, path)] = new(sums?.Fulfilled ?? 0, sums?.Due ?? 0);
            }
        }
        return result;
    }
}
