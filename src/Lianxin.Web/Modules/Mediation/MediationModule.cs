using Lianxin.Web.Modules.Mediation.Api;
using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation;

/// <summary>矛盾调解: cases with their parties (encrypted), team ("社区法官+社区调解员+调解志愿者"), sessions, outcome, agreement and follow-up.</summary>
public sealed class MediationModule : IModule
{
    public string Name => "Mediation";
    public IReadOnlyList<Permission> Permissions => MediationPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("矛盾调解", "/mediation", "bi-chat-square-heart", MediationPermissions.View, 245));
        services.AddIndicators<MediationIndicators>();
        services.AddScoped<IUnitLifecycle, MediationUnitLifecycle>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => MediationModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapMediationApi();
}
