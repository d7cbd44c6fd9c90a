using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record SignupSaved(Guid Id, SignupStatus Status, string StatusName, int Version);

/// <summary>A resident or member signs up on their phone: a place while places remain, else the waiting list.</summary>
public static class SignUp
{
    public static async Task<Outcome<SignupSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid activityId, Volunteer who, CancellationToken ct)
    {
        var activity = await Volunteers.ActivityAsync(db, activityId, ct);
        if (activity is null) return Failure.NotFound;
        if (!db.Scope.CanAnywhere(VolunteeringPermissions.Self)) return Failure.Forbidden;
        var now = clock.GetUtcNow().UtcDateTime;
        if (activity.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled);
        if (activity.StartsAt <= now) return Failure.Conflict("活动已开始，不能再报名。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await Places.LockAsync(db, activityId, ct);
        var mine = await db.Signups.AcrossScope().FirstOrDefaultAsync(s => s.ActivityId == activityId && s.UserId == who.UserId, ct);
        if (mine is { Status: not SignupStatus.Cancelled })
            return Failure.Conflict(mine.Status == SignupStatus.Waiting ? "您已在该活动的候补名单中。" : "您已报名该活动。");
        var status = taken < activity.Capacity ? SignupStatus.Confirmed : SignupStatus.Waiting;
        if (mine is null)
        {
            mine = new Signup
            {
                ActivityId = activityId, OrgPath = activity.OrgPath, Day = DateOnly.FromDateTime(ChinaTime.ToBeijing(activity.StartsAt)),
                UserId = who.UserId, MemberId = who.MemberId, Name = who.Name,
            };
            db.Signups.Add(mine);
        }
        mine.Status = status;
        mine.SignedUpAt = now;
        if (status == SignupStatus.Confirmed) await Places.SetTakenAsync(db, activityId, taken + 1, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SignupSaved(mine.Id, status, status.Chinese(), mine.Version);
    }
}
