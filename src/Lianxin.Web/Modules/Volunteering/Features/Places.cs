using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>
/// The places of one activity. Every change of who holds a place runs in a transaction that first takes the activity's
/// row lock (an UPDATE: PostgreSQL makes the others wait on the row, SQLite has one writer), then reads the count: so
/// concurrent sign-ups for the last place give it to exactly one of them, and a cancellation always sees the waiting list.
/// </summary>
static class Places
{
    public static async Task<int> LockAsync(LianxinDb db, Guid activityId, CancellationToken ct)
    {
        await db.Activities.AcrossScope().Where(a => a.Id == activityId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Taken, a => a.Taken), ct);
        return await db.Activities.AcrossScope().Where(a => a.Id == activityId).Select(a => a.Taken).FirstAsync(ct);
    }

    public static Task SetTakenAsync(LianxinDb db, Guid activityId, int taken, CancellationToken ct) =>
        db.Activities.AcrossScope().Where(a => a.Id == activityId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Taken, taken), ct);

    /// <summary>A place was freed: the first on the waiting list takes it while places remain; answers the new count.</summary>
    public static async Task<(int Taken, Signup? Promoted)> FreeAsync(LianxinDb db, Activity activity, int taken, CancellationToken ct)
    {
        taken--;
        Signup? next = null;
        if (taken < activity.Capacity)
        {
            next = await db.Signups.AcrossScope().Where(s => s.ActivityId == activity.Id && s.Status == SignupStatus.Waiting)
                .OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.Status = SignupStatus.Confirmed;
                taken++;
            }
        }
        await SetTakenAsync(db, activity.Id, taken, ct);
        return (taken, next);
    }
}
