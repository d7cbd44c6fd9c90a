using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>A volunteer withdraws before the start: their place goes to the first on the waiting list.</summary>
public static class CancelSignup
{
    public static async Task<Outcome<SignupSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid activityId, Volunteer who, CancellationToken ct)
    {
        var activity = await Volunteers.ActivityAsync(db, activityId, ct);
        if (activity is null) return Failure.NotFound;
        if (activity.StartsAt <= clock.GetUtcNow().UtcDateTime) return Failure.Conflict("活动已开始，不能取消报名，请联系组织者。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await Places.LockAsync(db, activityId, ct);
        var mine = await db.Signups.AcrossScope().FirstOrDefaultAsync(s => s.ActivityId == activityId && s.UserId == who.UserId && s.Status != SignupStatus.Cancelled, ct);
        if (mine is null) return Failure.Conflict("您没有报名该活动。");
        var held = mine.Status == SignupStatus.Confirmed;
        mine.Status = SignupStatus.Cancelled;
        if (held) await Places.FreeAsync(db, activity, taken, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SignupSaved(mine.Id, mine.Status, mine.Status.Chinese(), mine.Version);
    }
}
