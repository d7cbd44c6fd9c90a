using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record RecordLine(Guid ActivityId, DateOnly Day, string Title, string KindName, string UnitName, string Place, SignupStatus Status, string StatusName,
    DateTime? CheckedInAt, DateTime? CheckedOutAt, int? ConfirmedMinutes);

/// <summary>A person's volunteering over a period: every sign-up, and the confirmed hours that the certificate (志愿服务记录证明) states.</summary>
public record VolunteerRecord(string Name, DateOnly From, DateOnly To, IReadOnlyList<RecordLine> Lines, int Times, int Minutes, IReadOnlyList<string> Units)
{
    public string Hours => ActivityRules.Hours(Minutes);
    public IEnumerable<RecordLine> Confirmed => Lines.Where(l => l.ConfirmedMinutes is not null);
}

public static class MyRecord
{
    public const int MaxDays = 3 * 366;

    public static async Task<Outcome<VolunteerRecord>> HandleAsync(LianxinDb db, OrgDirectory org, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me || !db.Scope.CanAnywhere(VolunteeringPermissions.Self)) return Failure.Forbidden;
        if (to < from) return Failure.Invalid("To", "结束日期不能早于开始日期。");
        if (to.DayNumber - from.DayNumber > MaxDays) return Failure.Invalid("From", "一次最多查询三年。");
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstAsync(ct);
        var (lines, signedAs) = await LinesAsync(db, org, me, from, to, ct);
        name = signedAs ?? name; // the name the sign-ups carry (a member's roster name)
        var confirmed = lines.Where(l => l.ConfirmedMinutes is not null).ToList();
        return new VolunteerRecord(name, from, to, lines, confirmed.Count, confirmed.Sum(l => l.ConfirmedMinutes!.Value),
            confirmed.Select(l => l.UnitName).Distinct().ToList());
    }

    /// <summary>A person's sign-ups (not cancelled) with days in the period, latest first, and the name the latest one carries.</summary>
    internal static async Task<(List<RecordLine> Lines, string? SignedAs)> LinesAsync(LianxinDb db, OrgDirectory org, Guid me, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A person's own rows wherever they served in the district (an activity of the street is above a resident's grant).
        var rows = await db.Signups.AcrossScope().AsNoTracking()
            .Where(s => s.UserId == me && s.Day >= from && s.Day <= to && s.Status != SignupStatus.Cancelled)
            .Join(db.Activities.AcrossScope(), s => s.ActivityId, a => a.Id, (s, a) => new { s, a.Title, a.Kind, a.UnitId, a.Place, a.StartsAt })
            .OrderByDescending(r => r.s.Day).ThenByDescending(r => r.StartsAt).ToListAsync(ct);
        var units = await org.NamesAsync(rows.Select(r => r.UnitId).Distinct().ToList(), ct);
        return (rows.Select(r => new RecordLine(r.s.ActivityId, r.s.Day, r.Title, r.Kind.Chinese(), units.GetValueOrDefault(r.UnitId, "—"), r.Place,
            r.s.Status, r.s.Status.Chinese(), r.s.CheckedInAt, r.s.CheckedOutAt, r.s.ConfirmedMinutes)).ToList(), rows.FirstOrDefault()?.s.Name);
    }
}
