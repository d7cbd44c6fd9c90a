using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record MeetingRow(Guid Id, DateOnly HeldOn, int Quarter, string Place, int Present, int Seats, int Decisions);

/// <summary>A committee's meetings of a year, and the closed quarters of that year without one (欠开).</summary>
public record MeetingYear(Guid CommitteeUnitId, string CommitteeName, int Year, IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<int> MissedQuarters,
    bool CurrentQuarterPending, bool CanManage);

public static class ListCommitteeMeetings
{
    public static async Task<Outcome<MeetingYear>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid committeeUnitId, int? year, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var unit = await CreatePartnerUnit.StationAsync(org, committeeUnitId, ct);
        if (unit is null) return Failure.NotFound;
        var today = clock.Today();
        var y = year ?? today.Year;
        if (y is < 2000 or > 2100) return Failure.Invalid("year", "年份应在 2000–2100 之间。");
        var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var meetings = await db.CommitteeMeetings.AsNoTracking().Where(m => m.CommitteeUnitId == unit.Id && m.HeldOn >= from && m.HeldOn <= to)
            .OrderBy(m => m.HeldOn).Select(m => new
            {
                m.Id, m.HeldOn, m.Place,
                Present = db.Set<CommitteeAttendance>().Count(a => a.MeetingId == m.Id && a.Present),
                Seats = db.Set<CommitteeAttendance>().Count(a => a.MeetingId == m.Id),
                Decisions = db.Set<CommitteeDecision>().Count(d => d.MeetingId == m.Id),
            }).ToListAsync(ct);
        var held = meetings.Select(m => m.HeldOn).ToList();
        return new MeetingYear(unit.Id, CommitteeNames.Of(unit), y,
            meetings.Select(m => new MeetingRow(m.Id, m.HeldOn, MeetingRules.Quarter(m.HeldOn), m.Place, m.Present, m.Seats, m.Decisions)).ToList(),
            MeetingRules.MissedQuarters(y, today, held),
            y == today.Year && !held.Any(d => MeetingRules.Quarter(d) == MeetingRules.Quarter(today)),
            db.Scope.Can(CoBuildingPermissions.Manage, unit.Path));
    }
}
