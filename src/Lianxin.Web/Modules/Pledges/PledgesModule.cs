using Lianxin.Web.Modules.Pledges.Api;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Pledges;

/// <summary>我为群众办实事: pledges with their lists of responsibility, tasks and progress, and the public board (为民解忧榜).</summary>
public static class PledgesModule
{
    public static IServiceCollection AddPledges(this IServiceCollection services)
    {
        services.AddSingleton(new NavItem("为民办实事", "/pledges", "bi-check2-square", Permission.PledgeManage, 220));
        services.AddSingleton(PledgePhotos.Owner);
        return services;
    }

    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder app)
    {
        app.MapPledgesApi();
        return app;
    }
}
