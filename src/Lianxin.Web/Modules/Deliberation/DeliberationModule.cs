using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Deliberation.Api;
using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation;

/// <summary>三级议事: motions raised at compounds and heard by the compound, community and street councils; owners' committees (红色业委会), property arrangements (红色准物业) and compound conventions.</summary>
public sealed class DeliberationModule : IModule
{
    public string Name => "Deliberation";
    public IReadOnlyList<Permission> Permissions => DeliberationPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("三级议事", "/deliberation", "bi-people", DeliberationPermissions.View, 240));
        services.AddSingleton(new EncryptedColumn("dlb_motions", "ContactPhoneCipher"));
        services.AddSingleton(new NavItem("我的提议", "/deliberation/proposals/mine", "bi-lightbulb", DeliberationPermissions.ProposalOwn, 216));
        services.AddSingleton(config.GetSection("Deliberation:PublicIntake").Get<PublicMotionOptions>() ?? new PublicMotionOptions());
        services.AddSingleton<PublicMotionLimiter>();
        services.AddIndicators<DeliberationIndicators>();
        services.AddScoped<IUnitLifecycle, DeliberationUnitLifecycle>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => DeliberationModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapDeliberationApi();
}
