using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.Demands.Api;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Demands.Open311;
using Lianxin.Web.Modules.Demands.Open311.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands;

/// <summary>Residents' demands (急难愁盼), routing up the tree and dispatch to departments (吹哨报到), and Open311.</summary>
public sealed class DemandsModule : IModule
{
    public string Name => "Demands";
    public IReadOnlyList<Permission> Permissions => DemandPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        // Migration 0045 left these phones marked in clear; the app encrypts them after migrating (ADR 0030).
        services.AddSingleton(new EncryptedColumn("dem_demands", "ContactPhoneCipher", "ContactPhoneHash"));
        services.AddSingleton(config.GetSection("Demands:PublicIntake").Get<PublicIntakeOptions>() ?? new PublicIntakeOptions());
        services.AddSingleton<PublicIntakeLimiter>();
        services.AddSingleton(config.GetSection("Demands:Tracking").Get<TrackingThrottleOptions>() ?? new TrackingThrottleOptions());
        services.AddSingleton<TrackingThrottle>();
        services.AddJob<EscalationJob>();
        services.AddScoped<DemandDirectory>();
        services.AddIndicators<Features.DemandIndicators>();
        services.AddSingleton(new NavItem("群众诉求", "/demands", "bi-megaphone", DemandPermissions.DemandView, 200));
        services.AddSingleton(new NavItem("预约时段", "/demands/slots", "bi-calendar-check", DemandPermissions.SlotsManage, 205));
        services.AddSingleton(new NavItem("我的诉求", "/demands/mine", "bi-chat-square-text", DemandPermissions.DemandOwn, 215));
        services.AddSingleton(new NavItem("部门报到", "/demands/dispatches", "bi-broadcast", DemandPermissions.DispatchAnswer, 210));
        services.AddSingleton(DemandPhotos.Owner);
        services.AddOpen311(config);
        services.AddScoped<IUnitLifecycle, Features.DemandsUnitLifecycle>();
        services.AddEventHandler<Campaigns.Contracts.CampaignFindingRaisedDemand, Features.OnCampaignFindingRaisedDemand>();
    }

    public IReadOnlyList<IMaintainedAggregate> Aggregates { get; } = [new DailyFiguresAggregate(), new MonthlyFiguresAggregate(), new Platform.Lists.SearchTextBackfill<Domain.Demand>("dem_demands")];

    public void ConfigureModel(ModelBuilder b, LianxinDb db)
    {
        DemandsModel.Configure(b, db);
        Open311Model.Configure(b, db);
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapDemandsApi();
        app.MapOpen311();
        app.MapServicesApi();
    }
}
