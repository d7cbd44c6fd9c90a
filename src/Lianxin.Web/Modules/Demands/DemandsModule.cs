using Lianxin.Web.Modules.Demands.Api;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Demands.Open311;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Demands;

/// <summary>Residents' demands (急难愁盼), routing up the tree and dispatch to departments (吹哨报到).</summary>
public static class DemandsModule
{
    public static IServiceCollection AddDemands(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Demands:PublicIntake").Get<PublicIntakeOptions>() ?? new PublicIntakeOptions());
        services.AddSingleton<PublicIntakeLimiter>();
        services.AddJob<EscalationJob>();
        services.AddSingleton(new NavItem("群众诉求", "/demands", "bi-megaphone", Permission.DemandView, 200));
        services.AddSingleton(new NavItem("预约时段", "/demands/slots", "bi-calendar-check", Permission.DemandHandle, 205));
        services.AddSingleton(new NavItem("部门报到", "/demands/dispatches", "bi-broadcast", Permission.DispatchAnswer, 210));
        services.AddOpen311(config);
        return services;
    }

    public static IEndpointRouteBuilder MapDemands(this IEndpointRouteBuilder app)
    {
        app.MapDemandsApi();
        app.MapOpen311();
        app.MapServicesApi();
        return app;
    }
}
