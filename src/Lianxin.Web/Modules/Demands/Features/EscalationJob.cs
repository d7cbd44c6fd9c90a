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

    /// <summary>
    /// The demands one pass works through: open, not flagged yet, past a deadline, the longest late first. The first two terms
    /// are the predicate of <c>IX_dem_demands_open_due</c>, spelled as it is (ADR 0056): the batch then reads that small index in
    /// due order instead of scanning and sorting the street's demands.
    /// </summary>
    public static IQueryable<Demand> Batch(LianxinDb db, DateTime now) => db.Demands
        .Where(d => !d.Overdue && (d.State == DemandState.Submitted || d.State == DemandState.Accepted || d.State == DemandState.Dispatched)
            && ((d.State == DemandState.Submitted && d.ResponseDueAt < now) || d.ResolveDueAt < now))
        .OrderBy(d => d.ResolveDueAt).Take(200);

    /// <summary>Whether a pass would find a late demand: one read of the same index, before the lease is taken (ADR 0052).</summary>
    public Task<bool> HasWorkAsync(Guid tenantId, CancellationToken ct) => Batch(db, clock.GetUtcNow().UtcDateTime).AnyAsync(ct);

    /// <summary>One pass; answers how many demands it escalated or flagged.</summary>
    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Already flagged ones wait for a person (any handling clears the flag): skipping them keeps a street with
        // many flagged demands from filling every batch, and the batch keeps each write short.
        var late = await Batch(db, now).ToListAsync(ct);
        var changed = 0;
        var calendar = await TenantCalendar.ForDeadlinesAsync(db, now, ct);
        // What the batch reads besides the demands, once for the batch, not per demand: the handlers' names, and for the
        // demands going up, the units above, their categories and streets' settings (ADR 0056).
        var names = await org.NamesAsync(late.Select(d => d.HandlerUnitId).Distinct().ToList(), ct);
        var moves = late.Select(d => (Demand: d, To: Overdue.EscalateTo(d.State, d.Level, d.ResponseDueAt, d.ResolveDueAt, now)))
            .Where(m => m.To is not null).Select(m => (m.Demand, m.To!.Value)).ToList();
        var lookups = await MoveLookups.ReadAsync(db, org, moves, ct);
        foreach (var d in late)
        {
            var why = Overdue.ResponseLate(d.State, d.ResponseDueAt, now) ? "超过响应时限未受理" : "超过办结时限未办结";
            var unitName = names.GetValueOrDefault(d.HandlerUnitId, "");
            if (Overdue.EscalateTo(d.State, d.Level, d.ResponseDueAt, d.ResolveDueAt, now) is { } above)
            {
                var unit = DemandFlow.MoveTo(d, above, DemandState.Submitted, now, calendar, lookups);
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
