using Lianxin.Web.Modules.Members.Api;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Members;

/// <summary>Members: roster, dual reporting, posts and zones, central households, Excel in and out.</summary>
public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddPersonalData();
        services.AddJob<Features.ImportJobRunner>();
        services.AddSingleton(new NavItem("党员管理", "/members", "bi-person-badge", Permission.MemberView, 200));
        services.AddSingleton(new NavItem("双报到", "/members/dual", "bi-house-heart", Permission.MemberView, 210));
        services.AddSingleton(new NavItem("认岗领责", "/members/posts", "bi-flag", Permission.MemberView, 220));
        services.AddSingleton(new NavItem("党员中心户", "/members/central", "bi-house-check", Permission.MemberView, 230));
        services.AddSingleton(new NavItem("我的党员身份", "/members/me", "bi-person-heart", Permission.MemberSelf, 240));
        return services;
    }

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        // Fail at start, not at the first ID number, when production has no personal-data keys.
        app.ServiceProvider.GetRequiredService<PersonalData>();
        app.MapMembersApi();
        return app;
    }
}
