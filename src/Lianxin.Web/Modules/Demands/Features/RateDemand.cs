using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public class RateRequest
{
    public Satisfaction? Rating { get; set; }
    public string? Note { get; set; }
    /// <summary>Staff recording a rating after a return visit (回访) send the version they read.</summary>
    public int? Version { get; set; }
}

/// <summary>The resident rates the outcome; 不满意 (with a reason) reopens it at the level that resolved it, as often as the street allows.</summary>
public static class RateDemand
{
    public static async Task<Outcome<DemandSaved>> ByStaffAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RateRequest r, CancellationToken ct)
    {
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandHandle, d.OrgPath) && !db.Scope.Can(DemandPermissions.DemandHandle, d.HandlerPath)) return Failure.Forbidden;
        if (r.Version is { } v && d.Version != v) return Failure.Stale;
        return await ApplyAsync(db, org, clock, d, r, db.Scope.UserName + "（回访记录）", ct);
    }

    /// <summary>The resident, proven by ticket and the last four digits of the phone.</summary>
    public static async Task<Outcome<DemandSaved>> ByResidentAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, string ticket, string phoneTail, RateRequest r, CancellationToken ct)
    {
        var d = await TrackDemand.FindAsync(db, ticket, phoneTail, ct);
        if (d is null) return Failure.NotFound;
        return await ApplyAsync(db, org, clock, d, r, "居民", ct);
    }

    static async Task<Outcome<DemandSaved>> ApplyAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Demand d, RateRequest r, string actor, CancellationToken ct)
    {
        var e = new Errors();
        if (r.Rating is null) e.Fail(nameof(r.Rating), "请选择满意、基本满意或不满意。");
        if (r.Rating == Satisfaction.Unsatisfied) e.Required(nameof(r.Note), r.Note, "请说明不满意的原因，以便重新办理。");
        e.Max(nameof(r.Note), r.Note, 500, "评价说明");
        if (e.Any) return Failure.Invalid(e);
        if (d.State != DemandState.Resolved) return Failure.Conflict("该诉求尚未办结，暂不能评价。");
        var now = clock.GetUtcNow().UtcDateTime;
        var rating = r.Rating!.Value;
        var note = DemandFlow.Blank(r.Note);
        var unitName = await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct);
        d.Rating = rating;
        d.RatingNote = note;
        db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Rate, now, unitName, $"{rating.Chinese()}{(note is null ? "" : "：" + note)}", actor));
        if (DemandRules.Reopens(rating, d.ReopenCount, (await StreetSettings.ForStreetAsync(db, d.StreetId, ct)).MaxReopens))
        {
            d.ReopenCount++;
            d.ResolvedAt = null;
            d.ResolveHours = null;
            await DemandFlow.MoveToAsync(db, org, d, d.Level, DemandState.Accepted, now, await TenantCalendar.ForDeadlinesAsync(db, now, ct), ct);
            db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Reopen, now, unitName, "居民不满意，诉求重新办理。", "系统"));
        }
        else
        {
            d.State = DemandState.Closed;
            d.ClosedAt = now;
        }
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new DemandSaved(d.Id, d.State, d.Level, d.Version);
    }
}
