using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>
/// The activities a person has signed up for after today (Beijing), soonest first, up to a year ahead.
/// The record's period ends today, so without these a resident would not find next week's sign-up on their own page.
/// </summary>
public static class MyUpcomingSignups
{
    public static async Task<Outcome<IReadOnlyList<RecordLine>>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me || !db.Scope.CanAnywhere(VolunteeringPermissions.Self)) return Failure.Forbidden;
        var today = clock.Today();
        var (lines, _) = await MyRecord.LinesAsync(db, org, me, today.AddDays(1), today.AddYears(1), ct);
        lines.Reverse();
        return lines;
    }
}
