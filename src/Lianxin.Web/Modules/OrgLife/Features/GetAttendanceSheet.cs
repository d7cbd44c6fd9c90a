using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record SheetLine(Guid MemberId, string Name, AttendanceState? State);

public record AttendanceSheet(Guid MeetingId, string Title, DateOnly HeldOn, IReadOnlyList<SheetLine> Lines);

/// <summary>Whose org life counts in the branch on the meeting's day (its roster, with mobile members where they take part), with what is marked so far: the attendance form.</summary>
public static class GetAttendanceSheet
{
    public static async Task<Outcome<AttendanceSheet>> HandleAsync(LianxinDb db, MemberDirectory members, Guid meetingId, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, m.OrgPath)) return Failure.Forbidden;
        var marked = await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.MemberId, a => a.State, ct);
        var roster = await members.OrgLifeAttendeesOnAsync(m.OrgPath, m.HeldOn, ct);
        var people = await members.ManyInDistrictAsync(roster, ct);
        var lines = people.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new SheetLine(p.Id, p.Name, marked.TryGetValue(p.Id, out var s) ? s : null)).ToList();
        return new AttendanceSheet(m.Id, Text.Of(m.Kind.Chinese()) + Text.Of("：") + m.Topic, m.HeldOn, lines);
    }
}
