using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>An activity's fields as edited, with the version the organiser read (its unit and team stay).</summary>
public class ActivityEdit : ActivityInput
{
    public int Version { get; set; }
}

/// <summary>
/// The organiser (or the community's staff) changes an activity before it starts. An edit made on a stale version is a
/// conflict (sign-ups never change the version). The capacity cannot go below the places already taken; raising it moves
/// people up from the waiting list, under the same row lock sign-ups take. The sign-ups follow a change of day.
/// </summary>
public static class EditActivity
{
    public static async Task<Outcome<ActivitySaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, ActivityEdit r, CancellationToken ct)
    {
        var a = await db.Activities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.Manage, a.OrgPath)) return Failure.Forbidden;
        if (a.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled + "不能再修改。");
        var now = clock.GetUtcNow().UtcDateTime;
        if (a.StartsAt <= now) return Failure.Conflict("活动已开始，不能再修改。");
        if (a.Version != r.Version) return Failure.Stale;
        var e = new Errors();
        CreateActivity.Check(e, r, now);
        if (e.Any) return Failure.Invalid(e);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await Places.LockAsync(db, id, ct);
        if (r.Capacity < taken) return Failure.Invalid(nameof(r.Capacity), $"已有 {taken} 人报名，招募人数不能少于已报名人数。");
        a.Title = r.Title.Trim();
        a.Kind = r.Kind;
        a.Place = r.Place.Trim();
        a.StartsAt = ChinaTime.ToUtc(r.Day!.Value, r.From!.Value);
        a.EndsAt = ChinaTime.ToUtc(r.Day.Value, r.To!.Value);
        a.Capacity = r.Capacity;
        a.Skills = CreateActivity.Blank(r.Skills);
        a.Description = CreateActivity.Blank(r.Description);
        var waiting = await db.Signups.AcrossScope().Where(s => s.ActivityId == id && s.Status == SignupStatus.Waiting)
            .OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).Take(Math.Max(0, r.Capacity - taken)).ToListAsync(ct);
        foreach (var s in waiting) s.Status = SignupStatus.Confirmed;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        await Places.SetTakenAsync(db, id, taken + waiting.Count, ct);
        await db.Signups.AcrossScope().Where(s => s.ActivityId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Day, r.Day.Value), ct);
        await tx.CommitAsync(ct);
        return new ActivitySaved(a.Id, a.Version);
    }
}
