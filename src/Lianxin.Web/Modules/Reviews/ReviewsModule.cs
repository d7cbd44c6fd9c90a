using Lianxin.Web.Modules.Reviews.Api;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Reviews;

/// <summary>观摩考评: rubrics, rounds, score sheets, results, rectifications, star ratings.</summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton(new NavItem("观摩考评", "/reviews", "bi-clipboard-check", Permission.ReviewManage, 300));
        services.AddSingleton(new NavItem("我的评分", "/reviews/sheets", "bi-pencil-square", Permission.ReviewScore, 301));
        services.AddSingleton(new NavItem("整改任务", "/reviews/rectifications", "bi-tools", Permission.ReviewView, 302));
        services.AddScoped<IUnitBadgeSource, StarBadges>();
        services.AddSingleton(ReviewPhotos.ItemOwner);
        services.AddSingleton(ReviewPhotos.FindingOwner);
        return services;
    }

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        app.MapReviewsApi();
        app.MapReviewPhotosApi();
        return app;
    }
}
