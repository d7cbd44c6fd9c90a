using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public class AttendanceEntry
{
    public Guid MemberId { get; set; }
    public AttendanceState State { get; set; }
}

public class AttendanceInput
{
    public List<AttendanceEntry> Entries { get; set; } = [];
}

public record AttendanceSaved(Guid MeetingId, int Marked, int Attended);

/// <summary>
/// Records who took part, replacing what was marked before. Everyone marked must be on the branch's roster on the day of
/// the meeting (rebuilt from the transfer and status histories): someone who joined later or left before is refused. A member
/// working away that day counts at their mobile-member branch instead (<see cref="MemberDirectory.OrgLifeAttendeesOnAsync"/>).
/// </summary>
public static class RecordAttendance
{
    public static async Task<Outcome<AttendanceSaved>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid meetingId, AttendanceInput r, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, m.OrgPath)) return Failure.Forbidden;
        if (m.Status == MeetingStatus.Cancelled) return Failure.Conflict("该会议已取消，不能登记出席。");
        if (m.StartsAt > clock.GetUtcNow().UtcDateTime) return Failure.Conflict("会议尚未召开，不能登记出席。");

        var e = new Errors();
        if (r.Entries.Any(x => !Enum.IsDefined(x.State))) e.Fail(nameof(r.Entries), "出席情况只能是出席、迟到、请假、因公缺席或缺席。");
        if (r.Entries.GroupBy(x => x.MemberId).Any(g => g.Count() > 1)) e.Fail(nameof(r.Entries), "同一名党员只能登记一次。");
        // Members working away count at their mobile-member branch, and that branch's meetings count them (Members decides who).
        var roster = await members.OrgLifeAttendeesOnAsync(m.OrgPath, m.HeldOn, ct);
        var refs = (await members.ManyInDistrictAsync(r.Entries.Select(x => x.MemberId), ct)).ToDictionary(x => x.Id);
        foreach (var x in r.Entries.Where(x => !roster.Contains(x.MemberId)))
            e.Fail(nameof(r.Entries), !refs.TryGetValue(x.MemberId, out var who) ? "未找到所登记的党员。"
                : await members.OrgLifeBranchOnAsync(x.MemberId, m.HeldOn, ct) is { Mobile: true }
                    ? $"{who.Name} {m.HeldOn:yyyy-MM-dd} 外出流动，组织生活计入其流动党员党支部，不能在本支部登记出席。"
                    : $"{who.Name}不是本支部 {m.HeldOn:yyyy-MM-dd} 的在册党员，不能登记出席。");
        if (e.Any) return Failure.Invalid(e);

        db.MeetingAttendance.RemoveRange(await db.MeetingAttendance.Where(a => a.MeetingId == meetingId).ToListAsync(ct));
        db.MeetingAttendance.AddRange(r.Entries.Select(x => new MeetingAttendance
        {
            MeetingId = m.Id, OrgPath = m.OrgPath, MemberId = x.MemberId, MemberName = refs[x.MemberId].Name, HeldOn = m.HeldOn, State = x.State,
        }));
        await db.SaveChangesAsync(ct);
        return new AttendanceSaved(m.Id, r.Entries.Count, r.Entries.Count(x => x.State.Attended()));
    }
}
