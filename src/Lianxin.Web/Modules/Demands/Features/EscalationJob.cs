using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public class EscalationOptions
{
    /// <summary>Seconds between passes; 0 turns the background loop off (tests call <see cref="EscalationJob.RunOnceAsync"/>).</summary>
    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>
/// Overdue demands: below the street they escalate one level by themselves, at the street they are flagged.
/// One pass per tenant under a lease row, so several app instances never escalate the same demand twice.
/// </summary>
public class EscalationJob(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string LeaseName = "demands.escalation";
    readonly LeaseHolder lease = new(LeaseName, TimeSpan.FromMinutes(2));

    /// <summary>One pass; answers how many demands it escalated or flagged, or null when another instance holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenancy.DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var org = scope.ServiceProvider.GetRequiredService<OrgDirectory>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await lease.TryAcquireAsync(db, tenancy.DefaultTenantId, now, ct)) return null;
        try
        {
            // Already flagged ones wait for a person (any handling clears the flag): skipping them keeps a street with
            // many flagged demands from filling every batch, and the batch keeps each write short.
            var late = await db.Demands
                .Where(d => !d.Overdue && ((d.State == DemandState.Submitted && d.ResponseDueAt < now)
                    || ((d.State == DemandState.Submitted || d.State == DemandState.Accepted || d.State == DemandState.Dispatched) && d.ResolveDueAt < now)))
                .OrderBy(d => d.ResolveDueAt).Take(200).ToListAsync(ct);
            var changed = 0;
            var calendar = await TenantCalendar.ForDeadlinesAsync(db, now, ct);
            foreach (var d in late)
            {
                var why = Overdue.ResponseLate(d.State, d.ResponseDueAt, now) ? "超过响应时限未受理" : "超过办结时限未办结";
                var unitName = await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct);
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
        finally
        {
            await lease.ReleaseAsync(db, tenancy.DefaultTenantId);
        }
    }
}

/// <summary>Runs <see cref="EscalationJob"/> on the injected clock's timer.</summary>
public class EscalationService(EscalationJob job, EscalationOptions options, TimeProvider clock, ILogger<EscalationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.IntervalSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await job.RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Demand escalation pass failed"); }
        }
    }
}
