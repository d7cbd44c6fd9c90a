using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record AttendeeRow(Guid Id, string Name, bool PartyMember, bool HasAccount, SignupStatus Status, string StatusName, DateTime SignedUpAt,
    DateTime? CheckedInAt, DateTime? CheckedOutAt, int? Minutes, bool Confirmed, int Version);

/// <summary>An activity as its page shows it: everyone sees the activity and their own sign-up; the organiser also sees the attendees and the check-in code.</summary>
public record ActivityDetail(Guid Id, string Title, ActivityKind Kind, string KindName, string UnitName, string? TeamName, string Place,
    DateTime StartsAt, DateTime EndsAt, int Capacity, int Taken, int Waiting, string? Skills, string? Description,
    AttendeeRow? Mine, int? MyWaitingPosition, bool CanOrganise, IReadOnlyList<AttendeeRow> Attendees, string? ScanToken,
    DateTime? CancelledAt, string? CancelReason, int Version, Guid UnitId, Guid? TeamId);

public static class GetActivity
{
    public static async Task<Outcome<ActivityDetail>> HandleAsync(LianxinDb db, OrgDirectory org, ScanCodes codes, Guid id, CancellationToken ct)
    {
        var a = await Volunteers.ActivityAsync(db, id, ct);
        if (a is null) return Failure.NotFound;
        var organise = db.Scope.Can(VolunteeringPermissions.Manage, a.OrgPath);
        var rows = await db.Signups.AcrossScope().AsNoTracking().Where(s => s.ActivityId == id && s.Status != SignupStatus.Cancelled)
            .OrderBy(s => s.Status).ThenBy(s => s.SignedUpAt).ThenBy(s => s.Id).ToListAsync(ct);
        var attendees = rows.Select(s => new AttendeeRow(s.Id, s.Name, s.MemberId != null, s.UserId != null, s.Status, s.Status.Chinese(), s.SignedUpAt,
            s.CheckedInAt, s.CheckedOutAt,
            s.ConfirmedMinutes ?? (s is { CheckedInAt: { } i, CheckedOutAt: { } o } ? ActivityRules.Minutes(a.StartsAt, a.EndsAt, i, o) : null),
            s.ConfirmedMinutes is not null, s.Version)).ToList();
        var me = db.Scope.UserId;
        var mine = me is null ? null : rows.FirstOrDefault(s => s.UserId == me);
        var waiting = rows.Where(s => s.Status == SignupStatus.Waiting).ToList();
        int? position = mine is { Status: SignupStatus.Waiting } ? waiting.IndexOf(mine) + 1 : null;
        var unitName = (await org.NamesAsync([a.UnitId], ct)).GetValueOrDefault(a.UnitId, "—");
        var team = a.TeamId is { } t ? await db.VolunteerTeams.AcrossScope().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new ActivityDetail(a.Id, a.Title, a.Kind, a.Kind.Chinese(), unitName, team, a.Place, a.StartsAt, a.EndsAt, a.Capacity, a.Taken,
            waiting.Count, a.Skills, a.Description, mine is null ? null : attendees.First(x => x.Id == mine.Id), position,
            organise, organise ? attendees : [], organise && !a.IsCancelled ? codes.TokenFor(a) : null, a.CancelledAt, a.CancelReason, a.Version, a.UnitId, a.TeamId);
    }
}
