using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record MeetingRow(Guid Id, string Branch, MeetingKind Kind, string KindName, string ModeName, DateTime StartsAt, string Topic, string Host,
    MeetingStatus Status, bool LateEntry, bool LateApproved, int Marked, int Attended);

/// <summary>The meetings of the branches in the caller's scope, newest first, searched by topic, a page at a time.</summary>
public static class ListMeetings
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<MeetingRow>>> HandleAsync(LianxinDb db, OrgDirectory org, string? q, MeetingKind? kind, Guid? branchId, int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var rows = db.Meetings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(m => m.Topic.Contains(q.Trim()));
        if (kind is { } k) rows = rows.Where(m => m.Kind == k);
        if (branchId is { } b) rows = rows.Where(m => m.BranchId == b);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var list = await rows.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new
            {
                m.Id, m.BranchId, m.Kind, m.Mode, m.StartsAt, m.Topic, m.Host, m.Status, m.LateEntry, Approved = m.LateApprovedAt != null,
                Marked = db.Set<MeetingAttendance>().Count(a => a.MeetingId == m.Id),
                Attended = db.Set<MeetingAttendance>().Count(a => a.MeetingId == m.Id && (a.State == AttendanceState.Present || a.State == AttendanceState.Late)),
            }).ToListAsync(ct);
        var names = await org.NamesAsync(list.Select(m => m.BranchId).Distinct().ToList(), ct);
        return new Paged<MeetingRow>(list.Select(m => new MeetingRow(m.Id, names.GetValueOrDefault(m.BranchId, "—"), m.Kind, m.Kind.Chinese(), m.Mode.Chinese(),
            m.StartsAt, m.Topic, m.Host, m.Status, m.LateEntry, m.Approved, m.Marked, m.Attended)).ToList(), total, page, PageSize);
    }
}
