using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public class AddAttendeeRequest
{
    /// <summary>A party member from the roster (their account, when they have one, earns the points).</summary>
    public Guid? MemberId { get; set; }
    /// <summary>A resident without an account: recorded by name, earns no points.</summary>
    public string? Name { get; set; }
}

/// <summary>The organiser enters someone who came on site (a member from the roster, or a resident by name); on-site entries may exceed the capacity.</summary>
public static class AddAttendee
{
    public static async Task<Outcome<SignupSaved>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid activityId, AddAttendeeRequest r, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.Manage, activity.OrgPath)) return Failure.Forbidden;
        if (activity.IsCancelled) return Failure.Conflict(ActivityRules.Cancelled);
        var e = new Errors();
        MemberRef? member = null;
        if (r.MemberId is { } mid && (member = await members.FindAsync(mid, ct)) is null) e.Fail(nameof(r.MemberId), "未找到该党员，或其不在您的管辖范围内。");
        if (r.MemberId is null) e.Required(nameof(r.Name), r.Name, "请选择党员或填写姓名。");
        e.Max(nameof(r.Name), r.Name, 60, "姓名");
        if (e.Any) return Failure.Invalid(e);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await Places.LockAsync(db, activityId, ct);
        if (member?.UserId is { } uid && await db.Signups.AcrossScope().AnyAsync(s => s.ActivityId == activityId && s.UserId == uid && s.Status != SignupStatus.Cancelled, ct))
            return Failure.Conflict($"{member.Name}已报名该活动。");
        if (member?.UserId is { } again && await db.Signups.AcrossScope().FirstOrDefaultAsync(s => s.ActivityId == activityId && s.UserId == again, ct) is { } cancelled)
            db.Signups.Remove(cancelled); // the account's earlier, withdrawn sign-up gives way to the on-site entry
        var s = new Signup
        {
            ActivityId = activityId, OrgPath = activity.OrgPath, Day = DateOnly.FromDateTime(ChinaTime.ToBeijing(activity.StartsAt)),
            UserId = member?.UserId, MemberId = member?.Id, Name = member?.Name ?? r.Name!.Trim(), Status = SignupStatus.Confirmed,
            SignedUpAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Signups.Add(s);
        await Places.SetTakenAsync(db, activityId, taken + 1, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SignupSaved(s.Id, s.Status, s.Status.Chinese(), s.Version);
    }
}
