using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

/// <summary>
/// The figures of three-level deliberation and of compounds' self-governance. Motions count where they were raised (the compound's
/// place), whichever level settled them, so a community's figure includes what its street settled for it.
/// </summary>
public class DeliberationIndicators(LianxinDb db, PlaceDirectory places) : IIndicatorSource
{
    public const string Motions = "deliberation.motions", AtCompound = "deliberation.settled_at_compound_rate",
        AtCommunity = "deliberation.settled_at_community_rate", AtStreet = "deliberation.settled_at_street_rate",
        Days = "deliberation.days_to_settle", CommitteeCoverage = "deliberation.committee_coverage",
        RedCommittees = "deliberation.red_committee_rate", PropertyCoverage = "deliberation.property_coverage";

    const string M = "Deliberation";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Motions, "议题数", "期间在小区提出的议题数（居民、党员、工作人员提出或由诉求转入）。", M, IndicatorUnit.Count, IndicatorRollup.Sum),
        new(AtCompound, "小区议定率", "期间提出的议题中，在小区议事会议定的比例。", M, IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(AtCommunity, "社区议定率", "期间提出的议题中，小区未议定、提交社区议事会后议定的比例。", M, IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(AtStreet, "街道议定率", "期间提出的议题中，提交到街道议事会后议定的比例。", M, IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(Days, "平均议定天数", "期间议定的议题，从提出到议定的平均天数。", M, IndicatorUnit.Days, IndicatorRollup.RatioOfSums),
        new(CommitteeCoverage, "业委会覆盖率", "期末有在任业委会的小区占小区总数的比例。", M, IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(RedCommittees, "红色业委会占比", "期末在任业委会中，达到所在街道红色业委会认定标准（党员占比、党组织领导）的比例。", M, IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(PropertyCoverage, "物业服务覆盖率", "期末由物业企业、百姓物业或红色准物业服务的小区占小区总数的比例。", M, IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), IndicatorValue>();
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        if (subtreePaths.Count == 0) return result;
        // One grouped read per figure for every subtree asked (ADR 0039), added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        var motions = db.Motions.AcrossScope().AsNoTracking().Where(m => m.OrgPath.StartsWith(root));
        if (codes.Any(c => c is Motions or AtCompound or AtCommunity or AtStreet))
        {
            var raised = await motions.Where(m => m.RaisedAt >= start && m.RaisedAt < end)
                .GroupBy(m => new { m.OrgPath, m.SettledLevel }).Select(g => new { g.Key.OrgPath, Level = g.Key.SettledLevel, N = g.Count() }).ToListAsync(ct);
            foreach (var (path, mine) in SubtreeSums.PerRoot(subtreePaths, raised, r => r.OrgPath, r => r.ToList()))
            {
                decimal total = mine.Sum(x => x.N);
                decimal At(MotionLevel l) => mine.Where(x => x.Level == l).Sum(x => x.N);
                result[(Motions, path)] = new(total);
                result[(AtCompound, path)] = new(At(MotionLevel.Compound), total);
                result[(AtCommunity, path)] = new(At(MotionLevel.Community), total);
                result[(AtStreet, path)] = new(At(MotionLevel.Street), total);
            }
        }
        if (codes.Contains(Days))
        {
            var settled = await motions.Where(m => m.SettledAt >= start && m.SettledAt < end && m.DaysToSettle != null)
                .Select(m => new { m.OrgPath, Days = m.DaysToSettle!.Value }).ToListAsync(ct);
            foreach (var (path, mine) in SubtreeSums.PerRoot(subtreePaths, settled, r => r.OrgPath, r => r.Select(x => x.Days).ToList()))
                result[(Days, path)] = new((decimal)mine.Sum(), mine.Count);
        }
        if (codes.Any(c => c is CommitteeCoverage or RedCommittees or PropertyCoverage))
        {
            foreach (var (path, n) in await CompoundCoverage.CountsAsync(db, places, subtreePaths, to, ct))
            {
                result[(CommitteeCoverage, path)] = new(n.WithCommittee, n.Compounds);
                result[(RedCommittees, path)] = new(n.Red, n.WithCommittee);
                result[(PropertyCoverage, path)] = new(n.WithProperty, n.Compounds);
            }
        }
        return result.Where(r => codes.Contains(r.Key.Item1)).ToDictionary();
    }
}
