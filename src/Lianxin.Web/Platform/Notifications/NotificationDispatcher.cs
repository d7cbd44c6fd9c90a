using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Notifications;

public class NotificationOptions
{
    /// <summary>Seconds between dispatch passes; 0 turns the background loop off.</summary>
    public int DispatchSeconds { get; set; } = 5;
}

/// <summary>
/// Delivers outbox rows to in-app inboxes (the only channel today; SMS or WeChat would be another step here).
/// One pass per tenant under a lease row, so several app instances never deliver the same notice twice;
/// the unique (notification, user) index on the inbox is the backstop.
/// </summary>
public class NotificationDispatcher(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string LeaseName = "notifications.dispatch";
    const int Batch = 200;
    readonly LeaseHolder lease = new(LeaseName, TimeSpan.FromMinutes(2));

    /// <summary>One pass; answers how many notices it delivered, or null when another instance holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenancy.DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        // Most passes find nothing: a read, no lease write.
        if (!await db.Notifications.AnyAsync(n => n.DeliveredAt == null, ct)) return 0;
        if (!await lease.TryAcquireAsync(db, tenancy.DefaultTenantId, now, ct)) return null;
        try
        {
            var pending = await db.Notifications.Where(n => n.DeliveredAt == null).OrderBy(n => n.CreatedAt).Take(Batch).ToListAsync(ct);
            foreach (var n in pending)
            {
                var users = await RecipientsAsync(db, n, ct);
                foreach (var userId in users)
                    db.InboxItems.Add(new InboxItem
                    {
                        TenantId = n.TenantId, NotificationId = n.Id, UserId = userId, Title = n.Title, Body = n.Body, Link = n.Link,
                        CreatedAt = n.CreatedAt, DeliveredAt = now,
                    });
                n.DeliveredAt = now;
                n.Recipients = users.Count;
            }
            if (pending.Count > 0) await db.SaveChangesAsync(ct);
            return pending.Count;
        }
        finally
        {
            await lease.ReleaseAsync(db, tenancy.DefaultTenantId);
        }
    }

    /// <summary>The people holding a role at the unit (whose role allows the permission, if one is set), plus the named user; enabled accounts only.</summary>
    static async Task<List<Guid>> RecipientsAsync(LianxinDb db, Notification n, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        if (n.RecipientUnitId is { } unit)
        {
            var grants = await db.RoleGrants.IgnoreQueryFilters().Where(g => g.TenantId == n.TenantId && g.OrgUnitId == unit)
                .Select(g => new { g.UserId, g.Role }).ToListAsync(ct);
            foreach (var g in grants)
                if (n.Permission is not { } p || g.Role.Allows(p)) ids.Add(g.UserId);
        }
        if (n.RecipientUserId is { } user) ids.Add(user);
        if (ids.Count == 0) return [];
        return await db.Users.Where(u => ids.Contains(u.Id) && !u.IsDisabled && u.TenantId == n.TenantId).Select(u => u.Id).ToListAsync(ct);
    }
}

/// <summary>Runs <see cref="NotificationDispatcher"/> on the injected clock's timer.</summary>
public class NotificationService(NotificationDispatcher dispatcher, NotificationOptions options, TimeProvider clock, ILogger<NotificationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DispatchSeconds <= 0) return;
        // A one-shot delay per pass, not a PeriodicTimer: when a test's fake clock jumps days ahead, a periodic
        // timer fires once per elapsed period (a hundred thousand passes); this fires once.
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(options.DispatchSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try { await dispatcher.RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Notification dispatch pass failed"); }
        }
    }
}
