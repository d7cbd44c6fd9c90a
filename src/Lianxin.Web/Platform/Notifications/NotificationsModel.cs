using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Notifications;

public static class NotificationsModel
{
    public static void Configure(ModelBuilder b, LianxinDb db)
    {
        b.Entity<Notification>(e =>
        {
            e.ToTable("ntf_outbox");
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(1000);
            e.Property(x => x.Link).HasMaxLength(400);
            e.Property(x => x.Source).HasMaxLength(60);
            // Stored by name: permissions are declared by modules, not an enum.
            var catalog = db.Modules;
            e.Property(x => x.Permission).HasMaxLength(40).HasConversion(p => p!.Name, name => catalog.Find(name));
            e.HasIndex(x => new { x.TenantId, x.DeliveredAt, x.CreatedAt });
        });
        b.Entity<InboxItem>(e =>
        {
            e.ToTable("ntf_inbox");
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(1000);
            e.Property(x => x.Link).HasMaxLength(400);
            e.HasIndex(x => new { x.TenantId, x.NotificationId, x.UserId }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.UserId, x.ReadAt });
            // A person sees only their own inbox: enforced here, not by the pages.
            e.HasQueryFilter(QueryFilters.Scope, x => db.ScopeAll || x.UserId == db.ScopeUserId);
        });
    }
}
