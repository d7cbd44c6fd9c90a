using Lianxin.Web.Modules.OrgLife.Api;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife;

/// <summary>组织生活: branches' meetings (三会一课, 主题党日 "4+N", 组织生活会, 民主评议党员) with attendance, the district's rules and the arrears (欠账), and calendar feeds.</summary>
public sealed class OrgLifeModule : IModule
{
    public string Name => "OrgLife";
    public IReadOnlyList<Permission> Permissions { get; } = [.. OrgLifePermissions.All, .. TrainingPermissions.All, .. OrgLifeWorkPermissions.All];

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("组织生活", "/orglife", "bi-calendar-check", OrgLifePermissions.View, 350));
        services.AddScoped<IUnitLifecycle, Features.OrgLifeUnitLifecycle>();
        services.AddIndicators<Features.OrgLifeIndicators>();
        services.AddScoped<OrgLifeDirectory>();
        services.AddSingleton(new NavItem("培训与月练兵", "/orglife/training", "bi-mortarboard", OrgLifePermissions.View, 352));
        services.AddSingleton(new NavItem("我的组织生活", "/orglife/me", "bi-calendar-heart", TrainingPermissions.Self, 245));
        services.AddScoped<Features.TrainingCodes>();
        services.AddIndicators<Features.TrainingIndicators>();
        services.AddSingleton(new FileOwner(Features.MeetingPhotos.Module, Features.MeetingPhotos.Kind, OrgLifePermissions.View));
        // 日走访·周调度 and the yearly plans (their own files beside the meetings).
        services.AddSingleton(new NavItem("走访与调度", "/orglife/visits", "bi-house-heart", OrgLifePermissions.View, 351));
        services.AddIndicators<Features.Visits.VisitIndicators>();
        services.AddJob<Features.Plans.PlanReminderJob>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db)
    {
        OrgLifeModel.Configure(b, db);
        OrgLifeWorkModel.Configure(b);
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapOrgLifeApi();
        app.MapTrainingApi();
        app.MapOrgLifeWorkApi();
    }
}
