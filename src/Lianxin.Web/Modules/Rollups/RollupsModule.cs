using Lianxin.Web.Modules.Rollups.Api;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Rollups;

/// <summary>What leaders read: 对标对表, trends, the quarterly workbook and the 大屏, all from the indicators modules register.</summary>
public sealed class RollupsModule : IModule
{
    public string Name => "Rollups";
    public IReadOnlyList<Permission> Permissions => RollupPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("对标对表", "/rollups", "bi-bar-chart-line", RollupPermissions.View, 700));
        services.AddSingleton<Features.ScreenLinks>();
        services.AddSingleton(new UnitPanel("UnitTrends", 100));
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) { }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapRollupsApi();
}
