using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public class ConfirmHoursRequest
{
    /// <summary>Minutes to confirm; empty: the minutes between check-in and check-out inside the activity's time.</summary>
    public int? Minutes { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The organiser confirms a volunteer's hours, once; for a volunteer with an account the points bank learns of them
/// through <see cref="VolunteerHoursConfirmed"/>, saved with the confirmation.
/// </summary>
public static class ConfirmHours
{
    public const int MaxMinutes = 24 * 60;

    public static async Task<Outcome<AttendanceSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid signupId, ConfirmHoursRequest r, CancellationToken ct)
    {
        var s = await db.Signups.FirstOrDefaultAsync(x => x.Id == signupId, ct);
        if (s is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.Manage, s.OrgPath)) return Failure.Forbidden;
        if (s.Version != r.Version) return Failure.Stale;
        if (s.ConfirmedMinutes is not null) return Failure.Conflict("服务时长已确认，不能重复确认。");
        if (s.Status != SignupStatus.Confirmed) return Failure.Conflict("候补或已取消的报名没有服务时长。");
        var activity = await db.Activities.AsNoTracking().FirstAsync(a => a.Id == s.ActivityId, ct);
        if (activity.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled + "没有服务时长可确认。");
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < activity.StartsAt) return Failure.Conflict("活动尚未开始，不能确认服务时长。");
        var minutes = r.Minutes;
        if (minutes is null && s is { CheckedInAt: { } i, CheckedOutAt: { } o }) minutes = ActivityRules.Minutes(activity.StartsAt, activity.EndsAt, i, o);
        if (minutes is null) return Failure.Invalid(nameof(r.Minutes), "尚未签到签退，请填写服务时长（分钟）。");
        if (minutes is < 1 or > MaxMinutes) return Failure.Invalid(nameof(r.Minutes), $"服务时长须在 1–{MaxMinutes} 分钟之间。");

        s.ConfirmedMinutes = minutes;
        s.ConfirmedAt = now;
        s.ConfirmedBy = db.Scope.UserId;
        if (s.UserId is { } user)
            db.Publish(new VolunteerHoursConfirmed(s.Id, activity.Id, activity.Title, activity.Kind.ToString(), activity.OrgPath,
                user, s.Name, minutes.Value, s.Day), now);
        return await CheckIn.SaveAsync(db, activity, s, ct);
    }
}
