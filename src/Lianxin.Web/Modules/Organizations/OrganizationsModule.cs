using Lianxin.Web.Modules.Organizations.Api;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Organizations;

/// <summary>Organisation tree, grid and places: its services, menu and routes.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrgNames>();
        services.AddSingleton(new NavItem("组织架构", "/org", "bi-diagram-3", Permission.OrgView, 100));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        app.MapOrganizationsApi();
        return app;
    }
}
