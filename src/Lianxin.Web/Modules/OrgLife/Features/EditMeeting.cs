using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public class EditMeetingRequest : MeetingInput
{
    public int Version { get; set; }
}

/// <summary>
/// Corrects a meeting (not its branch). A new date must still fit the attendance recorded: everyone marked must be on the
/// branch's roster on the new date. Every edit bumps the calendar SEQUENCE so subscribed calendars take it.
/// </summary>
public static class EditMeeting
{
    public static async Task<Outcome<MeetingSaved>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, EditMeetingRequest r, CancellationToken ct)
    {
        var m = await db.Meetings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, m.OrgPath)) return Failure.Forbidden;
        if (m.Status == MeetingStatus.Cancelled) return Failure.Conflict("该会议已取消，不能再修改。");
        var (_, settings, _) = await GetRules.LoadAsync(db, ct);
        var e = CreateMeeting.Check(r, clock, RuleBook.Lines(settings.PartyDayItems));
        if (e.Any) return Failure.Invalid(e);
        if (r.Date != m.HeldOn)
        {
            var marked = await db.MeetingAttendance.Where(a => a.MeetingId == id).ToListAsync(ct);
            var roster = await members.OrgLifeAttendeesOnAsync(m.OrgPath, r.Date!.Value, ct);
            var off = marked.Where(a => !roster.Contains(a.MemberId)).Select(a => a.MemberName).ToList();
            if (off.Count > 0) return Failure.Invalid(nameof(r.Date), $"{string.Join("、", off)}在 {r.Date:yyyy-MM-dd} 不是本支部的在册党员，请先修改出席登记再改期。");
            foreach (var a in marked) a.HeldOn = r.Date.Value;
        }

        if (m.Version != r.Version) return Failure.Stale;
        db.Entry(m).Property(x => x.Version).OriginalValue = r.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = r.Date != m.HeldOn;
        CreateMeeting.Apply(m, r);
        m.Sequence++;
        m.UpdatedAt = now;
        var warnings = await CreateMeeting.OverlapsAsync(db, m, ct);
        // A new date is judged like a new entry: moving a plan back past the window makes it a late entry again, to be approved anew.
        if (moved)
        {
            m.LateEntry = Compliance.IsLateEntry(m.HeldOn, now, settings.LateEntryDays);
            (m.LateApprovedAt, m.LateApprovedBy) = (null, null);
            if (m.LateEntry) warnings.Add(CreateMeeting.LateWarning(settings.LateEntryDays));
        }
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new MeetingSaved(m.Id, m.Version, warnings);
    }
}
