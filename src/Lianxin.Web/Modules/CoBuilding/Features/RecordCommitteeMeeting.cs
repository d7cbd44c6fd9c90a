using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class AttendanceInput
{
    public Guid SeatId { get; set; }
    public bool Present { get; set; } = true;
    public string? AbsenceReason { get; set; }
    public string? Substitute { get; set; }
}

public class DecisionInput
{
    public string Text { get; set; } = "";
    /// <summary>The co-building project the decision concerns, if any (not checked until the projects list exists).</summary>
    public Guid? ProjectId { get; set; }
}

public class MeetingInput
{
    public DateOnly? HeldOn { get; set; }
    public string Place { get; set; } = "";
    /// <summary>One agenda item a line.</summary>
    public string Agenda { get; set; } = "";
    public string? Minutes { get; set; }
    public List<AttendanceInput> Attendance { get; set; } = [];
    public List<DecisionInput> Decisions { get; set; } = [];
}

public record MeetingSaved(Guid Id);

/// <summary>
/// A 大工委 / 大党委 meeting is recorded after it was held: agenda, who of the seats came (an absent one with a reason, and the person
/// sent instead), minutes and decisions. Attendance is only of seats of this committee in office on the day.
/// </summary>
public static class RecordCommitteeMeeting
{
    public static async Task<Outcome<MeetingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid committeeUnitId, MeetingInput r, CancellationToken ct)
    {
        var committee = await CreatePartnerUnit.StationAsync(org, committeeUnitId, ct);
        if (committee is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, committee.Path)) return Failure.Forbidden;
        var e = new Errors();
        if (r.HeldOn is null) e.Fail(nameof(r.HeldOn), "请填写会议日期。");
        else if (r.HeldOn > clock.Today()) e.Fail(nameof(r.HeldOn), "会议日期不能晚于今天：会后再登记。");
        e.Required(nameof(r.Place), r.Place, "请填写会议地点。");
        e.Max(nameof(r.Place), r.Place, 100, "会议地点");
        if (string.IsNullOrWhiteSpace(r.Agenda)) e.Fail(nameof(r.Agenda), "请填写至少一项议程。");
        e.Max(nameof(r.Agenda), r.Agenda, 2000, "议程");
        e.Max(nameof(r.Minutes), r.Minutes, 8000, "会议纪要");
        var day = r.HeldOn ?? DateOnly.MinValue;
        var seats = await db.CommitteeSeats.AsNoTracking()
            .Where(s => s.CommitteeUnitId == committee.Id && s.TermFrom <= day && (s.TermTo == null || s.TermTo >= day)).Select(s => s.Id).ToListAsync(ct);
        if (r.Attendance.Any(a => !seats.Contains(a.SeatId)))
            e.Fail(nameof(r.Attendance), "只能登记本委员会在会议当天在任的兼职委员席位的出席情况。");
        else if (r.Attendance.GroupBy(a => a.SeatId).Any(g => g.Count() > 1))
            e.Fail(nameof(r.Attendance), "同一席位只能登记一次出席情况。");
        foreach (var (a, i) in r.Attendance.Select((a, i) => (a, i)))
        {
            if (!a.Present && string.IsNullOrWhiteSpace(a.AbsenceReason)) e.Fail($"Attendance[{i}].AbsenceReason", "缺席须写明原因。");
            e.Max($"Attendance[{i}].AbsenceReason", a.AbsenceReason, 200, "缺席原因");
            e.Max($"Attendance[{i}].Substitute", a.Substitute, 60, "代为出席人");
        }
        foreach (var (d, i) in r.Decisions.Select((d, i) => (d, i))) e.Max($"Decisions[{i}].Text", d.Text, 1000, "决定事项");
        // A decision may turn into (or concern) a co-building project; it must be one the committee's user can see.
        var named = r.Decisions.Where(d => d.ProjectId is not null).Select(d => d.ProjectId!.Value).Distinct().ToList();
        var known = named.Count == 0 ? [] : await db.CoProjects.AsNoTracking().Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var (d, i) in r.Decisions.Select((d, i) => (d, i)))
            if (d.ProjectId is { } pid && !known.Contains(pid)) e.Fail($"Decisions[{i}].ProjectId", "所选共建项目不存在或不在您的管理范围内。");
        if (e.Any) return Failure.Invalid(e);

        var meeting = new CommitteeMeeting
        {
            CommitteeUnitId = committee.Id, OrgPath = committee.Path, HeldOn = day, Place = r.Place.Trim(), Agenda = Lines(r.Agenda),
            Minutes = string.IsNullOrWhiteSpace(r.Minutes) ? null : r.Minutes.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CommitteeMeetings.Add(meeting);
        db.CommitteeAttendance.AddRange(r.Attendance.Select(a => new CommitteeAttendance
        {
            MeetingId = meeting.Id, OrgPath = committee.Path, SeatId = a.SeatId, Present = a.Present,
            AbsenceReason = a.Present ? null : a.AbsenceReason!.Trim(), Substitute = a.Present || string.IsNullOrWhiteSpace(a.Substitute) ? null : a.Substitute.Trim(),
        }));
        db.CommitteeDecisions.AddRange(r.Decisions.Where(d => !string.IsNullOrWhiteSpace(d.Text)).Select((d, i) => new CommitteeDecision
        {
            MeetingId = meeting.Id, OrgPath = committee.Path, Number = i + 1, Text = d.Text.Trim(), ProjectId = d.ProjectId,
        }));
        await db.SaveChangesAsync(ct);
        return new MeetingSaved(meeting.Id);
    }

    static string Lines(string text) => string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
