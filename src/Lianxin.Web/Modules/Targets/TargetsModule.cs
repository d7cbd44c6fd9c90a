using Lianxin.Web.Modules.Targets.Api;
using Lianxin.Web.Modules.Targets.Contracts;
using Lianxin.Web.Modules.Targets.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets;

/// <summary>重点任务: targets set by a street or the district, each community's quota and progress (from published figures or reported with evidence).</summary>
public sealed class TargetsModule : IModule
{
    public string Name => "Targets";
    public IReadOnlyList<Permission> Permissions => TargetPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("重点任务", "/targets", "bi-bullseye", TargetPermissions.TargetView, 150));
        services.AddScoped<IUnitLifecycle, Features.TargetsUnitLifecycle>();
        services.AddJob<Features.TargetCompletionJob>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => TargetsModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTargetsApi();
}
