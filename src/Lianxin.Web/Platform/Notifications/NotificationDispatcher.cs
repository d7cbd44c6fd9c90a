using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Notifications;

/// <summary>
/// Delivers outbox rows to in-app inboxes (the only channel today; SMS or WeChat would be another step here).
/// <see cref="JobHost"/> runs it per tenant under that tenant's lease, so several app instances never deliver the same
/// notice twice; the unique (notification, user) index on the inbox is the backstop.
/// </summary>
public class NotificationDispatcher(LianxinDb db, TimeProvider clock) : IJob
{
    public static string Name => "notifications.dispatch";
    public static TimeSpan Period => TimeSpan.FromSeconds(5);
    const int Batch = 200;

    /// <summary>One pass; answers how many notices it delivered.</summary>
    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
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

    /// <summary>Any notice not yet delivered (the (tenant, delivered, created) index answers it).</summary>
    public Task<bool> HasWorkAsync(Guid tenantId, CancellationToken ct) => db.Notifications.AnyAsync(n => n.DeliveredAt == null, ct);

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
