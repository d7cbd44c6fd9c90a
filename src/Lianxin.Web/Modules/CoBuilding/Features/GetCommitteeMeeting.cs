using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record AttendanceRow(Guid SeatId, string PartnerUnit, string PersonName, string Post, bool Present, string? AbsenceReason, string? Substitute);

public record DecisionRow(Guid Id, int Number, string Text, Guid? ProjectId, string? ResponsiblePerson, DateOnly? DueOn, DateTime? PledgedAt);

public record MeetingDetail(Guid Id, Guid CommitteeUnitId, string CommitteeName, DateOnly HeldOn, string Place, IReadOnlyList<string> Agenda, string? Minutes,
    IReadOnlyList<AttendanceRow> Attendance, IReadOnlyList<DecisionRow> Decisions, bool CanManage)
{
    public int PresentCount => Attendance.Count(a => a.Present);
}

public static class GetCommitteeMeeting
{
    public static async Task<Outcome<MeetingDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var m = await db.CommitteeMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        var attendance = await db.CommitteeAttendance.AsNoTracking().Where(a => a.MeetingId == id)
            .Join(db.CommitteeSeats.AsNoTracking(), a => a.SeatId, s => s.Id, (a, s) => new { a, s })
            .Join(db.PartnerUnits.AcrossScope().AsNoTracking(), x => x.s.PartnerUnitId, p => p.Id, (x, p) => new { x.a, x.s, p.Name })
            .OrderBy(x => x.Name).ToListAsync(ct);
        var decisions = await db.CommitteeDecisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Number).ToListAsync(ct);
        var unit = await org.FindAsync(m.CommitteeUnitId, ct);
        return new MeetingDetail(m.Id, m.CommitteeUnitId, unit is null ? "—" : CommitteeNames.Of(unit), m.HeldOn, m.Place, m.AgendaItems, m.Minutes,
            attendance.Select(x => new AttendanceRow(x.s.Id, x.Name, x.s.PersonName, x.s.Post, x.a.Present, x.a.AbsenceReason, x.a.Substitute)).ToList(),
            decisions.Select(d => new DecisionRow(d.Id, d.Number, d.Text, d.ProjectId, d.ResponsiblePerson, d.DueOn, d.PledgedAt)).ToList(),
            db.Scope.Can(CoBuildingPermissions.Manage, m.OrgPath));
    }
}

/// <summary>"东湖街道党工委" → "东湖街道大工委", "和平社区党委" → "和平社区大党委".</summary>
public static class CommitteeNames
{
    public static string Of(OrgUnitRef unit) =>
        unit.DisplayName.Replace("党工委", "").Replace("党委", "") + PartnerRules.CommitteeName(unit.Kind == OrgKind.Street);
}
