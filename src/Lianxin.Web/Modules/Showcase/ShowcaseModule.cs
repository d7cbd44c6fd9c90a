using Lianxin.Web.Modules.Showcase.Api;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase;

/// <summary>品牌宣传: party-building brands, model sites (示范点) with their 十大标准 score, honours, and news reviewed by the street before it goes out.</summary>
public sealed class ShowcaseModule : IModule
{
    public string Name => "Showcase";
    public IReadOnlyList<Permission> Permissions => ShowcasePermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("党建品牌", "/showcase/brands", "bi-bookmark-star", ShowcasePermissions.View, 760));
        services.AddSingleton(new NavItem("示范点", "/showcase/sites", "bi-geo-alt", ShowcasePermissions.View, 761));
        services.AddSingleton(new NavItem("荣誉榜", "/showcase/honours", "bi-trophy", ShowcasePermissions.View, 762));
        services.AddSingleton(new NavItem("宣传稿件", "/showcase/news", "bi-newspaper", ShowcasePermissions.View, 763));
        services.AddSingleton(BrandPhotos.Owner);
        services.AddScoped<IUnitLifecycle, ShowcaseUnitLifecycle>();
        services.AddIndicators<ShowcaseIndicators>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => ShowcaseModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapShowcaseApi();
}
