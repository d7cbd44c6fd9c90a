using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// Roster and 双报到 figures. Dual reporting is the community-side view of <see cref="CommunityFigures"/>: members living in a
/// community whose membership is held outside it, and of those, the ones reported to it (withdrawn reports do not count).
/// Figures are today's state whatever the period, summed from the maintained rows (ADR 0037) (the roster of a past date is <see cref="Contracts.MemberDirectory.RosterOnAsync"/>).
/// </summary>
public sealed class MemberIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Count = "members.count";
    public const string DualReported = "members.dual_reported";
    public const string DualReportRate = "members.dual_report_rate";
    public const string Mobile = "members.mobile";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Count, "党员数", "组织关系在本单位及下级党组织、在册（正常或停止党籍）的党员数（当前）", "Members", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(DualReported, "双报到党员数", "居住在辖区社区、组织关系在社区之外并已向该社区报到（未撤回）的党员数（当前）", "Members", IndicatorUnit.Count, IndicatorRollup.Sum),
        new(DualReportRate, "在职党员双报到率", "双报到党员数 ÷ 居住在辖区社区、组织关系在社区之外的在册党员数（当前）", "Members", IndicatorUnit.Percent, IndicatorRollup.RatioOfSums),
        new(Mobile, "流动党员数", "组织关系在本单位及下级党组织、当前在册，期末处于外出流动（已登记所加入的流动党员党支部、尚未返回）的党员数", "Members", IndicatorUnit.Count, IndicatorRollup.Sum),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        foreach (var code in codes)
            if (code is not (Count or DualReported or DualReportRate or Mobile)) throw new ArgumentOutOfRangeException(nameof(codes), code, "不是党员模块的指标");
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // One sum per figure for every subtree asked (ADR 0039): the maintained rows under the subtrees' common ancestor,
        // grouped by their own path (one per branch, or per residence community), added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        if (codes.Contains(Count))
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, await CountsAsync(root, ct), x => x.Path, x => x.Sum(r => r.N)))
                result[(Count, path)] = new(n);
        if (codes.Contains(Mobile))
            foreach (var (path, n) in SubtreeSums.PerRoot(subtreePaths, await MobileAsync(root, to, ct), x => x.Path, x => x.Sum(r => r.N)))
                result[(Mobile, path)] = new(n);
        if (codes.Contains(DualReported) || codes.Contains(DualReportRate))
            foreach (var (path, (living, reported)) in SubtreeSums.PerRoot(subtreePaths, await DualAsync(root, ct), x => x.Path,
                         x => (x.Sum(r => r.Living), x.Sum(r => r.Reported))))
            {
                if (codes.Contains(DualReported)) result[(DualReported, path)] = new(reported);
                if (codes.Contains(DualReportRate)) result[(DualReportRate, path)] = new(reported, living);
            }
        return result;
    }

    // Sums of the maintained rows over a path range (ADR 0037), per path: one row per branch, per residence community.

    sealed record PathSum(string Path, int N);

    sealed record DualSum(string Path, int Living, int Reported);

    /// <summary>Members on the roster, per branch under <paramref name="root"/>.</summary>
    Task<List<PathSum>> CountsAsync(string root, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(root);
        return db.MemberFigures.AcrossScope().AsNoTracking()
            .Where(x => string.Compare(x.OrgPath, root) >= 0 && string.Compare(x.OrgPath, end) < 0)
            .GroupBy(x => x.OrgPath).Select(g => new PathSum(g.Key, g.Sum(x => x.Members))).ToListAsync(ct);
    }

    /// <summary>Members of the roster whose span of working away covers the day, per branch holding them under <paramref name="root"/>.</summary>
    Task<List<PathSum>> MobileAsync(string root, DateOnly on, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(root);
        return db.MobileFigures.AcrossScope().AsNoTracking()
            .Where(x => string.Compare(x.OrgPath, root) >= 0 && string.Compare(x.OrgPath, end) < 0 && x.StartedOn <= on && x.EndedOn > on)
            .GroupBy(x => x.OrgPath).Select(g => new PathSum(g.Key, g.Sum(x => x.Members))).ToListAsync(ct);
    }

    /// <summary>
    /// Per residence community under <paramref name="root"/>: the members living there whose branch is not under it, and of
    /// those the reported ones. Whether a community is under an asked subtree is its own path's business, so the rows group by it.
    /// </summary>
    Task<List<DualSum>> DualAsync(string root, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(root);
        return db.MemberFigures.AcrossScope().AsNoTracking()
            .Where(x => string.Compare(x.CommunityPath, root) >= 0 && string.Compare(x.CommunityPath, end) < 0 && !x.OrgPath.StartsWith(x.CommunityPath))
            .GroupBy(x => x.CommunityPath).Select(g => new DualSum(g.Key, g.Sum(x => x.Members), g.Sum(x => x.Reported))).ToListAsync(ct);
    }
}
