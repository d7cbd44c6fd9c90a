using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record WorkplaceCount(string Workplace, int Living, int Reported, int NotYet);
/// <summary>
/// Dual-reporting figures of a community: members living there (any branch), of whom held by a workplace
/// organisation outside the community, reported, not yet reported (by workplace), and members active in a post.
/// </summary>
public record CommunityFiguresDto(Guid CommunityId, string CommunityName, int Living, int HeldElsewhere, int Reported, int NotYet,
    int ActiveInPost, int UnitsReported, IReadOnlyList<WorkplaceCount> ByWorkplace);

public static class CommunityFigures
{
    public static async Task<Outcome<CommunityFiguresDto>> HandleAsync(LianxinDb db, OrgDirectory units, Guid communityId, CancellationToken ct)
    {
        var community = await units.FindAsync(communityId, ct);
        if (community is null || community.Kind != OrgKind.Community) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, community.Path)) return Failure.Forbidden;
        // Counts only: members held by a workplace elsewhere are outside the community's scope but live there.
        var living = await db.Members.AcrossScope().AsNoTracking()
            .Where(m => m.ResidenceCommunityId == communityId && (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended))
            .Select(m => new { m.Id, m.OrgPath, m.Workplace, m.BranchId }).ToListAsync(ct);
        var reportedIds = (await db.DualReports.AsNoTracking()
            .Where(r => r.CommunityId == communityId && r.Kind == ReporterKind.Member && r.Status != DualReportStatus.Withdrawn && r.MemberId != null)
            .Select(r => r.MemberId!.Value).ToListAsync(ct)).ToHashSet();
        var elsewhere = living.Where(m => !m.OrgPath.StartsWith(community.Path, StringComparison.Ordinal)).ToList();
        var branchIds = elsewhere.Select(m => m.BranchId).Distinct().ToList();
        var branchNames = await units.FullNamesAsync(branchIds, ct);
        var byWorkplace = elsewhere.GroupBy(m => m.Workplace ?? branchNames.GetValueOrDefault(m.BranchId, "—"))
            .Select(g => new WorkplaceCount(g.Key, g.Count(), g.Count(m => reportedIds.Contains(m.Id)), g.Count(m => !reportedIds.Contains(m.Id))))
            .OrderByDescending(w => w.NotYet).ThenBy(w => w.Workplace).ToList();
        var active = await (from c in db.PostClaims.AsNoTracking()
                            join p in db.Posts on c.PostId equals p.Id
                            where c.Status == ClaimStatus.Approved && p.OrgPath.StartsWith(community.Path)
                            select c.MemberId).Distinct().CountAsync(ct);
        var unitsReported = await db.DualReports.CountAsync(r => r.CommunityId == communityId && r.Kind == ReporterKind.Unit && r.Status != DualReportStatus.Withdrawn, ct);
        var reported = elsewhere.Count(m => reportedIds.Contains(m.Id));
        return new CommunityFiguresDto(community.Id, community.Name, living.Count, elsewhere.Count,
            reported, elsewhere.Count - reported, active, unitsReported, byWorkplace);
    }
}

public record ReportBackLine(string Kind, string Name, string? Workplace, DateOnly ReportedOn, string Status, string Posts, int PostsHeld, string? Pledges, string? Offers, string? Liaison, decimal? Hours = null);
public record ReportBack(Guid CommunityId, string CommunityName, DateOnly From, DateOnly To, IReadOnlyList<ReportBackLine> Lines);

/// <summary>
/// 双报告: for a period, what each reported member and unit did in the community (posts held, pledges and
/// confirmed volunteering hours, read through Volunteering's <see cref="VolunteerHours"/>), for the workplace organisation. Exportable to Excel.
/// </summary>
public static class ReportingBack
{
    public static readonly string[] Headers = ["类型", "姓名/单位", "工作单位", "报到日期", "报到状态", "担任岗位", "岗位数", "承诺", "提供资源", "联络人", "志愿服务时长（小时）"];

    public static async Task<Outcome<ReportBack>> HandleAsync(LianxinDb db, OrgDirectory units, VolunteerHours hours, Guid communityId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from) return Failure.Invalid("to", "结束日期不能早于开始日期。");
        var community = await units.FindAsync(communityId, ct);
        if (community is null || community.Kind != OrgKind.Community) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, community.Path)) return Failure.Forbidden;
        var reports = await db.DualReports.AsNoTracking().Where(r => r.CommunityId == communityId && r.ReportedOn <= to
            && (r.WithdrawnOn == null || r.WithdrawnOn >= from)).OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(ct);
        var memberIds = reports.Where(r => r.MemberId != null).Select(r => r.MemberId!.Value).ToList();
        var fromTime = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var toTime = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        // A post counts when held for part of the period: approved before its end, not ended before its start.
        var claims = await (from c in db.PostClaims.AsNoTracking()
                            join p in db.Posts on c.PostId equals p.Id
                            where memberIds.Contains(c.MemberId) && p.OrgPath.StartsWith(community.Path)
                                  && (c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.Ended)
                                  && c.DecidedAt < toTime && (c.EndedAt == null || c.EndedAt >= fromTime)
                            select new { c.MemberId, p.Title, c.Pledge }).ToListAsync(ct);
        var byMember = claims.ToLookup(c => c.MemberId);
        var minutes = await hours.MinutesOfMembersAsync(memberIds, community.Path, from, to, ct);
        var lines = reports.Select(r => r.Kind == ReporterKind.Member
            ? new ReportBackLine("党员", r.Name, r.Workplace, r.ReportedOn, DualReport.Chinese(r.Status),
                string.Join("、", byMember[r.MemberId!.Value].Select(c => c.Title)), byMember[r.MemberId!.Value].Count(),
                string.Join("；", byMember[r.MemberId!.Value].Where(c => c.Pledge != null).Select(c => c.Pledge)), null, null,
                Math.Round(minutes.GetValueOrDefault(r.MemberId!.Value) / 60m, 1))
            : new ReportBackLine("单位", r.Name, null, r.ReportedOn, DualReport.Chinese(r.Status), "", 0, null, r.Offers, r.Liaison)).ToList();
        return new ReportBack(community.Id, community.Name, from, to, lines);
    }

    public static byte[] ToXlsx(ReportBack r) => Xlsx.Write("双报告", Headers, r.Lines.Select(l => (IReadOnlyList<object?>)
        [l.Kind, l.Name, l.Workplace, l.ReportedOn, l.Status, l.Posts, l.PostsHeld, l.Pledges, l.Offers, l.Liaison,
         Xlsx.Number(l.Hours is { } h ? (double)h : null, XlsxFormat.OneDecimal)]));
}
