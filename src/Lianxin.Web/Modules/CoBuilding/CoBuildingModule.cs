using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.CoBuilding.Api;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding;

/// <summary>共驻共建: the partner units stationed in streets and communities, and the seats they hold on the joint committees (大工委, 大党委).</summary>
public sealed class CoBuildingModule : IModule
{
    public string Name => "CoBuilding";
    public IReadOnlyList<Permission> Permissions => CoBuildingPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("共驻共建", "/cobuilding", "bi-building", CoBuildingPermissions.View, 400));
        services.AddScoped<IUnitLifecycle, Features.CoBuildingUnitLifecycle>();
        services.AddIndicators<Features.CoBuildingIndicators>();
        services.AddScoped<PartnerUnitDirectory>();
        services.AddScoped<ProjectDirectory>();
        services.AddSingleton(new NavItem("党建联盟", "/cobuilding/alliances", "bi-diagram-3", CoBuildingPermissions.View, 401));
        services.AddSingleton(new NavItem("共建数据", "/cobuilding/figures", "bi-table", CoBuildingPermissions.View, 402));
        services.AddSingleton(new NavItem("共建清单", "/cobuilding/needs", "bi-arrow-left-right", CoBuildingPermissions.View, 403));
        services.AddIndicators<Features.CoBuildingLoopIndicators>();
        services.AddScoped<IUnitLifecycle, Features.CoBuildingLoopLifecycle>();
        services.AddSingleton(Features.FulfilmentPhotos.Owner);
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db)
    {
        CoBuildingModel.Configure(b, db);
        CoBuildingLoopModel.Configure(b, db);
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapCoBuildingApi();
        app.MapAlliancesMeetingsApi();
        app.MapCoBuildingLoopApi();
    }
}
