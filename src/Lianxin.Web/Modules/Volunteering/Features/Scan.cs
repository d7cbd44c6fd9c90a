using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record ScanResult(Guid ActivityId, string Title, bool CheckedOut, AttendanceSaved Attendance);

/// <summary>A volunteer scans the activity's code on site: the first scan checks them in, the next one out.</summary>
public static class Scan
{
    public const string BadCode = "签到码无效或已过期，请向组织者索取新的签到码。";

    public static async Task<Outcome<ScanResult>> HandleAsync(LianxinDb db, ScanCodes codes, TimeProvider clock, string? token, Volunteer who, CancellationToken ct)
    {
        if (codes.Read(token) is not { } activityId) return Failure.Invalid("Token", Platform.Localization.Text.Of(BadCode));
        var activity = await Volunteers.ActivityAsync(db, activityId, ct);
        if (activity is null) return Failure.NotFound;
        if (activity.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled);
        var s = await db.Signups.AcrossScope().FirstOrDefaultAsync(x => x.ActivityId == activityId && x.UserId == who.UserId && x.Status != SignupStatus.Cancelled, ct);
        if (s is null) return Failure.Conflict("您没有报名该活动，请先报名或请组织者现场登记。");
        var now = clock.GetUtcNow().UtcDateTime;
        var checkOut = s.CheckedInAt is not null;
        var refused = checkOut ? CheckIn.Out(s, now) : CheckIn.In(activity, s, now);
        if (refused is not null) return refused;
        var saved = await CheckIn.SaveAsync(db, activity, s, ct);
        if (!saved.IsOk) return saved.AsFailure();
        return new ScanResult(activity.Id, activity.Title, checkOut, saved.Value!);
    }
}
