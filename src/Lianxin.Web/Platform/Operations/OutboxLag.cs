using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// Reads the outboxes' backlog just before a scrape: per tenant, so every query starts its (TenantId, sent-at, …) index.
/// A database that does not answer leaves the last figures in place (the scrape itself must not fail).
/// </summary>
public sealed class OutboxLag(LianxinDb db, Tenancy tenancy, TimeProvider clock, LianxinMetrics metrics, ILogger<OutboxLag> log)
{
    public async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            long events = 0, notices = 0;
            DateTime? oldestEvent = null, oldestNotice = null;
            foreach (var tenant in await tenancy.TenantIdsAsync(db, timeout.Token))
            {
                var e = db.OutboxEvents.IgnoreQueryFilters().Where(x => x.TenantId == tenant && x.DispatchedAt == null);
                events += await e.LongCountAsync(timeout.Token);
                oldestEvent = Min(oldestEvent, await e.Select(x => (DateTime?)x.OccurredAt).MinAsync(timeout.Token));
                var n = db.Notifications.IgnoreQueryFilters().Where(x => x.TenantId == tenant && x.DeliveredAt == null);
                notices += await n.LongCountAsync(timeout.Token);
                oldestNotice = Min(oldestNotice, await n.Select(x => (DateTime?)x.CreatedAt).MinAsync(timeout.Token));
            }
            var now = clock.GetUtcNow().UtcDateTime;
            double Age(DateTime? oldest) => oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0;
            metrics.SetOutboxes([new("events", events, Age(oldestEvent)), new("notifications", notices, Age(oldestNotice))]);
        }
        catch (Exception e) when (DatabaseOutage.IsUnavailable(e) || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Outbox figures not refreshed: the database did not answer");
        }
    }

    static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
