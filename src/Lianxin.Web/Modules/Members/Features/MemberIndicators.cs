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
        var result = new Dictionary<(string, string), IndicatorValue>();
        foreach (var path in subtreePaths)
        {
            (int Living, int Reported)? dual = null;
            foreach (var code in codes)
            {
                if (code == Count) { result[(code, path)] = new(await CountAsync(path, ct)); continue; }
                if (code == Mobile) { result[(code, path)] = new(await MobileAsync(path, to, ct)); continue; }
                if (code is not (DualReported or DualReportRate)) throw new ArgumentOutOfRangeException(nameof(codes), code, "不是党员模块的指标");
                dual ??= await DualAsync(path, ct);
                result[(code, path)] = code == DualReported ? new(dual.Value.Reported) : new(dual.Value.Reported, dual.Value.Living);
            }
        }
        return result;
    }

    // Sums of the maintained rows over a path range (ADR 0037): one row per branch and residence community, or per span.

    Task<int> CountAsync(string path, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(path);
        return db.MemberFigures.AcrossScope().AsNoTracking()
            .Where(x => string.Compare(x.OrgPath, path) >= 0 && string.Compare(x.OrgPath, end) < 0).SumAsync(x => x.Members, ct);
    }

    /// <summary>Members of the subtree's roster whose span of working away covers the day (counted by the branch holding them).</summary>
    Task<int> MobileAsync(string path, DateOnly on, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(path);
        return db.MobileFigures.AcrossScope().AsNoTracking()
            .Where(x => string.Compare(x.OrgPath, path) >= 0 && string.Compare(x.OrgPath, end) < 0 && x.StartedOn <= on && x.EndedOn > on)
            .SumAsync(x => x.Members, ct);
    }

    /// <summary>Members living in the subtree's communities whose branch is not under their community, and of those the reported ones.</summary>
    async Task<(int Living, int Reported)> DualAsync(string path, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(path);
        var sums = await db.MemberFigures.AcrossScope().AsNoTracking()
            .Where(x => string.Compare(x.CommunityPath, path) >= 0 && string.Compare(x.CommunityPath, end) < 0 && !x.OrgPath.StartsWith(x.CommunityPath))
            .GroupBy(_ => 1).Select(k => new { Living = k.Sum(x => x.Members), Reported = k.Sum(x => x.Reported) }).FirstOrDefaultAsync(ct);
        return sums is null ? (0, 0) : (sums.Living, sums.Reported);
    }
}
