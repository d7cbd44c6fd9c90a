using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.Reviews.Api;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews;

/// <summary>观摩考评: rubrics, rounds, score sheets, results, rectifications, star ratings.</summary>
public sealed class ReviewsModule : IModule
{
    public string Name => "Reviews";
    public IReadOnlyList<Permission> Permissions => ReviewPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("观摩考评", "/reviews", "bi-clipboard-check", ReviewPermissions.ReviewManage, 300));
        services.AddSingleton(new NavItem("我的评分", "/reviews/sheets", "bi-pencil-square", ReviewPermissions.ReviewScore, 301));
        services.AddSingleton(new NavItem("整改任务", "/reviews/rectifications", "bi-tools", ReviewPermissions.ReviewView, 302));
        services.AddScoped<IUnitBadgeSource, StarBadges>();
        services.AddScoped<ReviewScoreDirectory>();
        services.AddScoped<IUnitLifecycle, Features.ReviewsUnitLifecycle>();
        services.AddIndicators<Features.ReviewIndicators>();
        services.AddScoped<ReviewDirectory>();
        services.AddSingleton(ReviewPhotos.ItemOwner);
        services.AddSingleton(ReviewPhotos.FindingOwner);
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => ReviewsModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapReviewsApi();
        app.MapReviewPhotosApi();
    }
}
