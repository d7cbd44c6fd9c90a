using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Members;

/// <summary>
/// The test oracle of the maintained members' figures (ADR 0037): <c>MemberIndicators</c> as it counted before, over
/// mem_members, the dual reports and the spans themselves, kept word for word. The indicators must answer exactly this.
/// </summary>
public static class MemberFiguresRecount
{
    public static Task<int> CountAsync(LianxinDb db, string path) =>
        OnRoster(db).CountAsync(m => m.OrgPath.StartsWith(path));

    static IQueryable<Member> OnRoster(LianxinDb db) =>
        db.Members.AcrossScope().Where(m => m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended);

    /// <summary>Members of the subtree's roster whose span of working away covers the day (counted by the branch holding them).</summary>
    public static Task<int> MobileAsync(LianxinDb db, string path, DateOnly on) =>
        db.MobileMemberships.AcrossScope().Where(x => x.OrgPath.StartsWith(path) && x.StartedOn <= on && (x.EndedOn == null || x.EndedOn > on)
                && db.Set<Member>().Any(m => m.Id == x.MemberId && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended)))
            .Select(x => x.MemberId).Distinct().CountAsync();

    public static async Task<(int Living, int Reported)> DualAsync(LianxinDb db, OrgDirectory org, string path)
    {
        var onRoster = OnRoster(db);
        var communities = (await org.SubtreeAsync(path, default)).Where(u => u.Kind == OrgKind.Community).ToDictionary(u => u.Id, u => u.Path);
        if (communities.Count == 0) return (0, 0);
        var ids = communities.Keys.ToList();
        var living = await onRoster.AsNoTracking().Where(m => m.ResidenceCommunityId != null && ids.Contains(m.ResidenceCommunityId.Value))
            .Select(m => new { m.Id, m.OrgPath, Community = m.ResidenceCommunityId!.Value }).ToListAsync();
        var elsewhere = living.Where(m => !m.OrgPath.StartsWith(communities[m.Community], StringComparison.Ordinal)).ToList();
        var reported = (await db.DualReports.AcrossScope().AsNoTracking()
                .Where(r => ids.Contains(r.CommunityId) && r.Kind == ReporterKind.Member && r.Status != DualReportStatus.Withdrawn && r.MemberId != null)
                .Select(r => new { Member = r.MemberId!.Value, r.CommunityId }).ToListAsync())
            .Select(r => (r.Member, r.CommunityId)).ToHashSet();
        return (elsewhere.Count, elsewhere.Count(m => reported.Contains((m.Id, m.Community))));
    }
}
