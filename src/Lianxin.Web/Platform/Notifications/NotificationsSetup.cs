namespace Lianxin.Web.Platform.Notifications;

/// <summary>The outbox dispatcher, its background loop, the layout's unread badge and the API.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddLianxinNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Notifications").Get<NotificationOptions>() ?? new NotificationOptions());
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationService>();
        services.AddScoped<InboxBadge>();
        return services;
    }
}
