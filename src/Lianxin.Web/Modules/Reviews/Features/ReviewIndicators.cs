using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>Reviews' figures for leaders: scores of the rounds published in the period; 五星支部, 星级楼组 and the year's
/// 重点培养对象 at its end.</summary>
public sealed class ReviewIndicators(LianxinDb db) : IIndicatorSource
{
    public const string AverageScore = "reviews.average_score", FiveStarUnits = "reviews.five_star_units",
        StarBuildings = "reviews.star_buildings", CultivationTargets = "reviews.cultivation_targets";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(AverageScore, "观摩平均得分", "期间内发布的观摩考评中，各被考评单位总分的平均值。", "Reviews", IndicatorUnit.Count, IndicatorRollup.RatioOfSums),
        new(FiveStarUnits, "五星支部数", "期末在“五星支部”评定中处于五星的党组织数（以最近一次评定或上级授予为准）。", "Reviews", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(StarBuildings, "星级楼组数", "期末在“星级楼组”评定中持有星级（一星及以上）的楼栋数（以最近一次评定为准）。", "Reviews", IndicatorUnit.Count, IndicatorRollup.Latest),
        new(CultivationTargets, "五星支部重点培养对象数", "期末所在年度“五星支部”重点培养对象名单上的党支部数（已移出的不计）。", "Reviews", IndicatorUnit.Count, IndicatorRollup.Latest),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDayUtc(from);
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // One read per figure for every subtree asked (ADR 0039), the rows added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        if (codes.Contains(AverageScore))
        {
            // Units' rounds only: a building's 星级楼组 score is not a unit's 观摩 score.
            var rounds = db.ReviewRounds.AcrossScope().Where(r => r.PublishedAt >= start && r.PublishedAt < end && r.Target == ReviewTarget.Units).Select(r => r.Id);
            var totals = await db.RoundUnits.AcrossScope().AsNoTracking()
                .Where(u => u.Published && u.Total != null && u.OrgPath.StartsWith(root) && rounds.Contains(u.RoundId))
                .Select(u => new { u.OrgPath, Total = u.Total!.Value }).ToListAsync(ct);
            foreach (var (path, mine) in SubtreeSums.PerRoot(subtreePaths, totals, t => t.OrgPath, t => t.Select(x => x.Total).ToList()))
                result[(AverageScore, path)] = new((decimal)mine.Sum(), mine.Count);
        }
        if (codes.Contains(FiveStarUnits))
        {
            var awards = await db.StarAwards.AcrossScope().AsNoTracking()
                .Where(a => a.Programme == RubricPurpose.FiveStar && a.OrgPath.StartsWith(root) && a.At < end)
                .Select(a => new { a.OrgPath, a.UnitId, a.Level, a.At }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, awards, a => a.OrgPath, a => a.GroupBy(x => x.UnitId).Count(g => g.MaxBy(x => x.At)!.Level >= 5)))
                result[(FiveStarUnits, path)] = new(n);
        }
        if (codes.Contains(StarBuildings))
        {
            var awards = await db.StarAwards.AcrossScope().AsNoTracking()
                .Where(a => a.Target == ReviewTarget.Buildings && a.Programme == RubricPurpose.StarBuilding && a.OrgPath.StartsWith(root) && a.At < end)
                .Select(a => new { a.OrgPath, a.UnitId, a.Level, a.At }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, awards, a => a.OrgPath, a => a.GroupBy(x => x.UnitId).Count(g => g.MaxBy(x => x.At)!.Level >= 1)))
                result[(StarBuildings, path)] = new(n);
        }
        if (codes.Contains(CultivationTargets))
        {
            var listed = await db.CultivationTargets.AcrossScope().AsNoTracking()
                .Where(c => c.Year == to.Year && c.OrgPath.StartsWith(root) && c.AddedAt < end && (c.RemovedAt == null || c.RemovedAt >= end))
                .GroupBy(c => c.OrgPath).Select(g => new { Path = g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, listed, c => c.Path, c => c.Sum(x => x.N)))
                result[(CultivationTargets, path)] = new(n);
        }
        return result;
    }
}
