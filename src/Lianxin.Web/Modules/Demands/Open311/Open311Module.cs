using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Open311.Api;
using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Demands.Open311;

/// <summary>Demands through Open311 GeoReport v2 (/open311/v2/) and the API clients allowed to use it.</summary>
public static class Open311Module
{
    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Demands:Open311").Get<Open311Options>() ?? new Open311Options());
        services.AddSingleton<Open311Limiter>();
        services.AddSingleton(new NavItem("Open311 接口", "/demands/open311", "bi-plug", DemandPermissions.Open311Manage, 220));
        return services;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        app.MapOpen311Endpoints();
        app.MapOpen311ClientsApi();
        return app;
    }
}
