using Lianxin.Web.Platform.Jobs;

namespace Lianxin.Web.Platform.Notifications;

/// <summary>The outbox dispatcher (a job), the layout's unread badge and the API.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddLianxinNotifications(this IServiceCollection services)
    {
        services.AddJob<NotificationDispatcher>();
        services.AddScoped<InboxBadge>();
        return services;
    }
}
