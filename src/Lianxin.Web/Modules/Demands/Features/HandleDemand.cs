using Lianxin.Web.Platform.Events;
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

/// <summary>A handler's step at the current level: accept, resolve (with the outcome), return (with the reason), escalate.</summary>
public class DemandStepRequest
{
    public DemandAction Action { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

public record DemandSaved(Guid Id, DemandState State, DemandLevel Level, int Version);

public static class HandleDemand
{
    static readonly DemandAction[] HandlerActions = [DemandAction.Accept, DemandAction.Resolve, DemandAction.Return, DemandAction.Escalate];

    public static async Task<Outcome<DemandSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DemandStepRequest r, CancellationToken ct)
    {
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandHandle, d.HandlerPath)) return Failure.Forbidden;
        var e = new Errors();
        if (!HandlerActions.Contains(r.Action)) e.Fail(nameof(r.Action), "请选择受理、办结、退回或上报。");
        if (r.Action == DemandAction.Resolve) e.Required(nameof(r.Note), r.Note, "请填写办理结果。");
        if (r.Action == DemandAction.Return) e.Required(nameof(r.Note), r.Note, "请填写退回理由。");
        if (r.Action == DemandAction.Escalate) e.Required(nameof(r.Note), r.Note, "请说明上报原因。");
        e.Max(nameof(r.Note), r.Note, 1000, "说明");
        if (e.Any) return Failure.Invalid(e);
        if (DemandRules.Check(d.State, d.Level, r.Action) is { } why) return Failure.Conflict(why);
        if (d.Version != r.Version) return Failure.Stale;
        db.Entry(d).Property(x => x.Version).OriginalValue = r.Version;

        var now = clock.GetUtcNow().UtcDateTime;
        var unitName = await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct);
        var calendar = await TenantCalendar.SinceAsync(db, d.CreatedAt, now, ct);
        var note = r.Note?.Trim();
        switch (r.Action)
        {
            case DemandAction.Accept:
                d.State = DemandState.Accepted;
                d.FirstResponseAt ??= now;
                d.ResponseDueAt = null;
                db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Accept, now, unitName, note ?? "已受理，正在办理。"));
                break;
            case DemandAction.Resolve:
                d.State = DemandState.Resolved;
                d.FirstResponseAt ??= now;
                d.ResolvedAt = now;
                d.ResolveHours = calendar.WorkingHoursBetween(d.CreatedAt, now);
                d.Outcome = note;
                d.Overdue = false;
                db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Resolve, now, unitName, note));
                db.Publish(new DemandResolved(d.Id, d.TicketNo, d.CategoryName, d.OrgPath, now), now);
                break;
            case DemandAction.Return:
            {
                var (state, level) = DemandRules.AfterReturn(d.Level, d.LowestLevel);
                d.FirstResponseAt ??= now;
                db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Return, now, unitName, note));
                if (state == DemandState.Rejected)
                {
                    d.State = DemandState.Rejected;
                    d.ClosedAt = now;
                    d.Outcome = note;
                    d.ResponseDueAt = d.ResolveDueAt = null;
                    await ServiceSlots.ReleaseAsync(db, d, now, ct);
                }
                else await DemandFlow.MoveToAsync(db, org, d, level, state, now, calendar, ct);
                break;
            }
            case DemandAction.Escalate:
            {
                var above = DemandRules.Above(d.Level)!.Value;
                d.FirstResponseAt ??= now;
                var unit = await DemandFlow.MoveToAsync(db, org, d, above, DemandState.Submitted, now, calendar, ct);
                db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Escalate, now, unitName, $"上报至{unit.ShortName}：{note}"));
                break;
            }
        }
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new DemandSaved(d.Id, d.State, d.Level, d.Version);
    }
}
