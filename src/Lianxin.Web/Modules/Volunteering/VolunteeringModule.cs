using Lianxin.Web.Modules.Volunteering.Api;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering;

/// <summary>志愿服务: teams (党员先锋队, 志愿服务队), activities people sign up for on a phone, check-in by QR code, confirmed hours and their figures.</summary>
public sealed class VolunteeringModule : IModule
{
    public string Name => "Volunteering";
    public IReadOnlyList<Permission> Permissions => VolunteeringPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("志愿服务", "/volunteering", "bi-heart", VolunteeringPermissions.View, 450));
        services.AddSingleton(new NavItem("我的志愿服务", "/volunteering/me", "bi-person-heart", VolunteeringPermissions.Self, 451));
        services.AddScoped<IUnitLifecycle, VolunteeringUnitLifecycle>();
        services.AddScoped<VolunteerHours>();
        services.AddScoped<ScanCodes>();
        services.AddIndicators<VolunteeringIndicators>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => VolunteeringModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapVolunteeringApi();
}
