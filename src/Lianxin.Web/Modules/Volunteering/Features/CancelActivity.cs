using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record CancelActivityRequest(string? Reason, int Version);

/// <summary>
/// The organiser calls an activity off with a reason. Everyone signed up or waiting who has an account hears it through the
/// notification outbox, in the same save. Nothing is awarded for it afterwards: a cancelled activity takes no sign-ups,
/// check-ins or confirmed hours. An activity with hours already confirmed cannot be cancelled (those hours were earned).
/// </summary>
public static class CancelActivity
{
    public static async Task<Outcome<ActivitySaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CancelActivityRequest r, CancellationToken ct)
    {
        var a = await db.Activities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.Manage, a.OrgPath)) return Failure.Forbidden;
        if (a.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled);
        var reason = (r.Reason ?? "").Trim();
        var e = new Errors();
        e.Required(nameof(r.Reason), reason, "请填写取消原因。");
        e.Max(nameof(r.Reason), reason, 200, "取消原因");
        if (e.Any) return Failure.Invalid(e);
        if (a.Version != r.Version) return Failure.Stale;
        if (await db.Signups.AcrossScope().AnyAsync(s => s.ActivityId == id && s.ConfirmedMinutes != null, ct))
            return Failure.Conflict("已有志愿者的服务时长得到确认，活动不能取消。");

        a.CancelledAt = clock.GetUtcNow().UtcDateTime;
        a.CancelReason = reason;
        var people = await db.Signups.AcrossScope().AsNoTracking()
            .Where(s => s.ActivityId == id && s.Status != SignupStatus.Cancelled && s.UserId != null).Select(s => s.UserId!.Value).Distinct().ToListAsync(ct);
        var when = ChinaTime.ToBeijing(a.StartsAt);
        foreach (var person in people)
            Outbox.Notify(db, clock, new NotificationMessage($"志愿活动取消：{a.Title}",
                $"您报名的“{a.Title}”（{when:M月d日 HH:mm}，{a.Place}）已取消。原因：{reason}", $"/volunteering/activities/{a.Id}", "volunteering.cancel",
                RecipientUserId: person));
        return await db.SaveAsync(ct) is { } stale ? stale : new ActivitySaved(a.Id, a.Version);
    }
}
