using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// Roster and 双报到 figures. Dual reporting is the community-side view of <see cref="CommunityFigures"/>: members living in a
/// community whose membership is held outside it, and of those, the ones reported to it (withdrawn reports do not count).
/// Figures are today's state whatever the period (the roster of a past date is <see cref="Contracts.MemberDirectory.RosterOnAsync"/>).
/// </summary>
public sealed class MemberIndicators(LianxinDb db, OrgDirectory org) : IIndicatorSource
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
            var onRoster = db.Members.AcrossScope().Where(m => m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended);
            (int Living, int Reported)? dual = null;
            foreach (var code in codes)
            {
                if (code == Count) { result[(code, path)] = new(await onRoster.CountAsync(m => m.OrgPath.StartsWith(path), ct)); continue; }
                if (code == Mobile) { result[(code, path)] = new(await MobileAsync(path, to, ct)); continue; }
                if (code is not (DualReported or DualReportRate)) throw new ArgumentOutOfRangeException(nameof(codes), code, "不是党员模块的指标");
                dual ??= await DualAsync(onRoster, path, ct);
                result[(code, path)] = code == DualReported ? new(dual.Value.Reported) : new(dual.Value.Reported, dual.Value.Living);
            }
        }
        return result;
    }

    /// <summary>Members of the subtree's roster whose span of working away covers the day (counted by the branch holding them).</summary>
    Task<int> MobileAsync(string path, DateOnly on, CancellationToken ct) =>
        db.MobileMemberships.AcrossScope().Where(x => x.OrgPath.StartsWith(path) && x.StartedOn <= on && (x.EndedOn == null || x.EndedOn > on)
                && db.Set<Member>().Any(m => m.Id == x.MemberId && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended)))
            .Select(x => x.MemberId).Distinct().CountAsync(ct);

    async Task<(int Living, int Reported)> DualAsync(IQueryable<Member> onRoster, string path, CancellationToken ct)
    {
        var communities = (await org.SubtreeAsync(path, ct)).Where(u => u.Kind == OrgKind.Community).ToDictionary(u => u.Id, u => u.Path);
        if (communities.Count == 0) return (0, 0);
        var ids = communities.Keys.ToList();
        var living = await onRoster.AsNoTracking().Where(m => m.ResidenceCommunityId != null && ids.Contains(m.ResidenceCommunityId.Value))
            .Select(m => new { m.Id, m.OrgPath, Community = m.ResidenceCommunityId!.Value }).ToListAsync(ct);
        var elsewhere = living.Where(m => !m.OrgPath.StartsWith(communities[m.Community], StringComparison.Ordinal)).ToList();
        var reported = (await db.DualReports.AcrossScope().AsNoTracking()
                .Where(r => ids.Contains(r.CommunityId) && r.Kind == ReporterKind.Member && r.Status != DualReportStatus.Withdrawn && r.MemberId != null)
                .Select(r => new { Member = r.MemberId!.Value, r.CommunityId }).ToListAsync(ct))
            .Select(r => (r.Member, r.CommunityId)).ToHashSet();
        return (elsewhere.Count, elsewhere.Count(m => reported.Contains((m.Id, m.Community))));
    }
}
