using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record AttendanceLine(Guid MemberId, string Name, AttendanceState State, string StateName);

public record MeetingDetail(Guid Id, Guid BranchId, string Branch, MeetingKind Kind, string KindName, MeetingMode Mode, string ModeName,
    DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, string Place, string Host, string Topic, string? Agenda, string? Minutes, string? Decisions,
    IReadOnlyList<string> PartyDayItems, IReadOnlyList<string> PartyDayFixedItems, IReadOnlyList<string> PartyDayExtras,
    MeetingStatus Status, string? CancelReason, bool LateEntry, DateTime? LateApprovedAt, string? LateApprovedBy, DateTime CreatedAt, string CreatedBy,
    int Version, bool CanRecord, bool CanApproveLate, IReadOnlyList<AttendanceLine> Attendance)
{
    public int Attended => Attendance.Count(a => a.State.Attended());
}

public static class GetMeeting
{
    public static async Task<Outcome<MeetingDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, m.OrgPath)) return Failure.Forbidden;
        var attendance = await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync(ct);
        var (_, settings, _) = await GetRules.LoadAsync(db, ct);
        var names = await org.NamesAsync([m.BranchId], ct);
        var start = ChinaTime.ToBeijing(m.StartsAt);
        return new MeetingDetail(m.Id, m.BranchId, names.GetValueOrDefault(m.BranchId, "—"), m.Kind, m.Kind.Chinese(), m.Mode, m.Mode.Chinese(),
            m.HeldOn, TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(ChinaTime.ToBeijing(m.EndsAt)), m.Place, m.Host, m.Topic, m.Agenda, m.Minutes, m.Decisions,
            RuleBook.Lines(m.PartyDayItems), RuleBook.Lines(settings.PartyDayItems), RuleBook.Lines(m.PartyDayExtras),
            m.Status, m.CancelReason, m.LateEntry, m.LateApprovedAt, m.LateApprovedBy, m.CreatedAt, m.CreatedBy, m.Version,
            db.Scope.Can(OrgLifePermissions.Record, m.OrgPath), db.Scope.Can(OrgLifePermissions.ApproveLate, m.OrgPath),
            attendance.OrderBy(a => a.State).ThenBy(a => a.MemberName, StringComparer.Ordinal)
                .Select(a => new AttendanceLine(a.MemberId, a.MemberName, a.State, a.State.Chinese())).ToList());
    }
}
