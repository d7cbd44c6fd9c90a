using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.Pledges.Api;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges;

/// <summary>我为群众办实事: pledges with their lists of responsibility, tasks and progress, and the public board (为民解忧榜).</summary>
public sealed class PledgesModule : IModule
{
    public string Name => "Pledges";
    public IReadOnlyList<Permission> Permissions => PledgePermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("为民办实事", "/pledges", "bi-check2-square", PledgePermissions.PledgeManage, 220));
        services.AddSingleton(new NavItem("党员承诺审核", "/pledges/approvals", "bi-person-check", PledgePermissions.PledgeApprove, 221));
        services.AddSingleton(PledgePhotos.Owner);
        services.AddScoped<PledgeDirectory>();
        services.AddEventHandler<Demands.Contracts.DemandResolved, OnDemandResolved>();
        services.AddEventHandler<Deliberation.Contracts.MotionSettled, OnMotionSettled>();
        services.AddEventHandler<CoBuilding.Contracts.CommitteeDecisionPledged, OnCommitteeDecisionPledged>();
        services.AddEventHandler<Campaigns.Contracts.CampaignFindingPledged, OnCampaignFindingPledged>();
        services.AddScoped<IUnitLifecycle, Features.PledgesUnitLifecycle>();
        services.AddIndicators<Features.PledgeIndicators>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => PledgesModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPledgesApi();
}
