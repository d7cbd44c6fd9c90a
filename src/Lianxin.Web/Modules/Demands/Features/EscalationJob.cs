using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>
/// Overdue demands: below the street they escalate one level by themselves, at the street they are flagged.
/// <see cref="JobHost"/> runs it per tenant under that tenant's lease, so several app instances never escalate the same demand twice.
/// </summary>
public class EscalationJob(LianxinDb db, OrgDirectory org, TimeProvider clock) : IJob
{
    public static string Name => "demands.escalation";
    public static TimeSpan Period => TimeSpan.FromMinutes(1);

    /// <summary>One pass; answers how many demands it escalated or flagged.</summary>
    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Already flagged ones wait for a person (any handling clears the flag): skipping them keeps a street with
        // many flagged demands from filling every batch, and the batch keeps each write short.
        var late = await db.Demands
            .Where(d => !d.Overdue && ((d.State == DemandState.Submitted && d.ResponseDueAt < now)
                || ((d.State == DemandState.Submitted || d.State == DemandState.Accepted || d.State == DemandState.Dispatched) && d.ResolveDueAt < now)))
            .OrderBy(d => d.ResolveDueAt).Take(200).ToListAsync(ct);
        var changed = 0;
        var calendar = await TenantCalendar.ForDeadlinesAsync(db, now, ct);
        // The handlers' names in one read for the batch, not one per demand.
        var names = await org.NamesAsync(late.Select(d => d.HandlerUnitId).Distinct().ToList(), ct);
        foreach (var d in late)
        {
            var why = Overdue.ResponseLate(d.State, d.ResponseDueAt, now) ? "超过响应时限未受理" : "超过办结时限未办结";
            var unitName = names.GetValueOrDefault(d.HandlerUnitId, "");
            if (Overdue.EscalateTo(d.State, d.Level, d.ResponseDueAt, d.ResolveDueAt, now) is { } above)
            {
                var unit = await DemandFlow.MoveToAsync(db, org, d, above, DemandState.Submitted, now, calendar, ct);
                db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.AutoEscalate, now, unitName, $"{unitName}{why}，自动上报至{unit.ShortName}。", "系统"));
                changed++;
            }
            else if (!d.Overdue)
            {
                d.Overdue = true;
                db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Overdue, now, unitName, $"{why}，已亮灯督办。", "系统"));
                changed++;
            }
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return 0; } // a handler acted at the same moment: the next pass sees their change
        return changed;
    }
}
