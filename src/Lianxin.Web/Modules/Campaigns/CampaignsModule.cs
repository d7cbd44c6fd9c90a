using Lianxin.Web.Modules.Campaigns.Api;
using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns;

/// <summary>专项行动: campaigns set by a street (消防安全, 电动车违规充电…), inspections on a phone, findings, rectification tasks and progress per community.</summary>
public sealed class CampaignsModule : IModule
{
    public string Name => "Campaigns";
    public IReadOnlyList<Permission> Permissions => CampaignPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("专项行动", "/campaigns", "bi-shield-check", CampaignPermissions.View, 260));
        services.AddSingleton(new FileOwner(CampaignFiles.Module, CampaignFiles.InspectionKind, CampaignPermissions.View));
        services.AddSingleton(new FileOwner(CampaignFiles.Module, CampaignFiles.TaskKind, CampaignPermissions.View));
        services.AddIndicators<CampaignIndicators>();
        services.AddScoped<IUnitLifecycle, CampaignsUnitLifecycle>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => CampaignsModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapCampaignsApi();
}
