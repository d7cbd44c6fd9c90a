using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record ActivityRow(Guid Id, string Title, ActivityKind Kind, string KindName, string Place, DateTime StartsAt, DateTime EndsAt,
    int Capacity, int Taken, string? Skills, SignupStatus? Mine, string? MineName, bool Cancelled = false);

/// <summary>
/// Activities the caller may take part in or organise: those of their own units and the units above them, and all in
/// their subtrees; upcoming ones first by start, or past ones (the last 60 days) latest first.
/// </summary>
public static class ListActivities
{
    public static async Task<Outcome<List<ActivityRow>>> HandleAsync(LianxinDb db, TimeProvider clock, bool past, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(VolunteeringPermissions.View) && !db.Scope.CanAnywhere(VolunteeringPermissions.Self)) return Failure.Forbidden;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-60);
        var above = Volunteers.AncestorPaths(db.Scope);
        IQueryable<Activity> When(IQueryable<Activity> q) => past ? q.Where(a => a.EndsAt < now && a.EndsAt >= since) : q.Where(a => a.EndsAt >= now);
        var inScope = await When(db.Activities.AsNoTracking()).OrderBy(a => a.StartsAt).Take(200).ToListAsync(ct);
        var fromAbove = above.Count == 0 ? [] : await When(db.Activities.AcrossScope().AsNoTracking().Where(a => above.Contains(a.OrgPath))).Take(200).ToListAsync(ct);
        var all = inScope.Concat(fromAbove).DistinctBy(a => a.Id);
        var list = (past ? all.OrderByDescending(a => a.StartsAt) : all.OrderBy(a => a.StartsAt)).Take(100).ToList();
        var ids = list.Select(a => a.Id).ToList();
        var me = db.Scope.UserId;
        var mine = me is null ? [] : await db.Signups.AcrossScope().AsNoTracking()
            .Where(s => s.UserId == me && ids.Contains(s.ActivityId) && s.Status != SignupStatus.Cancelled)
            .Select(s => new { s.ActivityId, s.Status }).ToListAsync(ct);
        var byActivity = mine.ToDictionary(s => s.ActivityId, s => s.Status);
        return list.Select(a =>
        {
            SignupStatus? status = byActivity.TryGetValue(a.Id, out var st) ? st : null;
            return new ActivityRow(a.Id, a.Title, a.Kind, a.Kind.Chinese(), a.Place, a.StartsAt, a.EndsAt, a.Capacity, a.Taken, a.Skills, status, status?.Chinese(), a.IsCancelled);
        }).ToList();
    }
}
