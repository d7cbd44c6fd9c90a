using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Events;

/// <summary>
/// Delivers a tenant's outbox events to their subscribers, at least once and in order of occurrence. Each handler runs
/// in its own scope and transaction together with its inbox row, so a handler that already ran is skipped on a retry;
/// an event is marked dispatched when every subscriber has it. A failing handler leaves the event for the next pass.
/// </summary>
public class EventDispatcher(IServiceScopeFactory scopes, IEnumerable<EventSubscription> subscriptions, TimeProvider clock, ILogger<EventDispatcher> log)
{
    public const int Batch = 100;

    /// <summary>One pass over the tenant's undispatched events; answers how many were completed.</summary>
    public async Task<int> DispatchAsync(Guid tenantId, CancellationToken ct)
    {
        List<OutboxEvent> pending;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenantId, suppressAudit: true);
            pending = await scope.ServiceProvider.GetRequiredService<LianxinDb>().OutboxEvents.AsNoTracking()
                .Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
        }
        var done = 0;
        foreach (var e in pending)
        {
            string? error = null;
            foreach (var s in subscriptions.Where(s => s.EventType == e.Type))
            {
                try { await DeliverAsync(tenantId, e, s, ct); }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogError(ex, "Event {Type} {Id} failed in {Handler}", e.Type, e.Id, s.Handler);
                    error = $"{s.Handler}: {ex.Message}";
                    break;
                }
            }
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenantId, suppressAudit: true);
            var events = scope.ServiceProvider.GetRequiredService<LianxinDb>().OutboxEvents.Where(x => x.Id == e.Id);
            if (error is null)
            {
                await events.ExecuteUpdateAsync(x => x.SetProperty(o => o.DispatchedAt, clock.GetUtcNow().UtcDateTime), ct);
                done++;
            }
            else
                await events.ExecuteUpdateAsync(x => x.SetProperty(o => o.Attempts, o => o.Attempts + 1)
                    .SetProperty(o => o.LastError, error.Length > 1000 ? error[..1000] : error), ct);
        }
        return done;
    }

    async Task DeliverAsync(Guid tenantId, OutboxEvent e, EventSubscription s, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        if (await db.InboxEntries.AnyAsync(i => i.EventId == e.Id && i.Handler == s.Handler, ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await s.Invoke(scope.ServiceProvider, EventBus.Read(s, e.Payload), ct);
        db.InboxEntries.Add(new InboxEntry { EventId = e.Id, Handler = s.Handler, HandledAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
