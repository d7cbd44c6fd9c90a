using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record AttendanceSaved(Guid Id, string Name, DateTime? CheckedInAt, DateTime? CheckedOutAt, int? Minutes, int Version);

/// <summary>The organiser checks a volunteer in, or out (the scanned code does the same for the volunteer, <see cref="Scan"/>).</summary>
public static class CheckIn
{
    public static async Task<Outcome<AttendanceSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid signupId, bool checkOut, CancellationToken ct)
    {
        var s = await db.Signups.FirstOrDefaultAsync(x => x.Id == signupId, ct);
        if (s is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.Manage, s.OrgPath)) return Failure.Forbidden;
        var activity = await db.Activities.AsNoTracking().FirstAsync(a => a.Id == s.ActivityId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var refused = checkOut ? Out(s, now) : In(activity, s, now);
        if (refused is not null) return refused;
        return await SaveAsync(db, activity, s, ct);
    }

    internal static async Task<Outcome<AttendanceSaved>> SaveAsync(LianxinDb db, Activity activity, Signup s, CancellationToken ct)
    {
        if (await db.SaveAsync(ct) is { } stale) return stale;
        int? minutes = s.CheckedOutAt is { } o ? ActivityRules.Minutes(activity.StartsAt, activity.EndsAt, s.CheckedInAt!.Value, o) : null;
        return new AttendanceSaved(s.Id, s.Name, s.CheckedInAt, s.CheckedOutAt, s.ConfirmedMinutes ?? minutes, s.Version);
    }

    /// <summary>Check-in opens an hour before the start and closes at the end; only a held place checks in.</summary>
    internal static Failure? In(Activity a, Signup s, DateTime now)
    {
        if (a.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled + "不能签到。");
        if (s.Status != SignupStatus.Confirmed) return Failure.Conflict(s.Status == SignupStatus.Waiting ? "候补中的报名不能签到。" : "报名已取消，不能签到。");
        if (s.CheckedInAt is not null) return Failure.Conflict("已签到，无需重复签到。");
        if (now < a.StartsAt - ActivityRules.CheckInOpens) return Failure.Conflict("活动开始前 1 小时起才能签到。");
        if (now > a.EndsAt) return Failure.Conflict("活动已结束，不能再签到。");
        s.CheckedInAt = now;
        return null;
    }

    internal static Failure? Out(Signup s, DateTime now)
    {
        if (s.CheckedInAt is null) return Failure.Conflict("尚未签到，不能签退。");
        if (s.CheckedOutAt is not null) return Failure.Conflict("已签退。");
        if (s.ConfirmedMinutes is not null) return Failure.Conflict("服务时长已确认。");
        s.CheckedOutAt = now;
        return null;
    }
}
