using Lianxin.Web.Modules.Members.Api;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Platform.Cli;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members;

/// <summary>Members: roster, dual reporting, posts and zones, central households, Excel in and out.</summary>
public sealed class MembersModule : IModule
{
    public string Name => "Members";
    public IReadOnlyList<Permission> Permissions => MemberPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        // Migration 0045 left these phones marked in clear; the app encrypts them after migrating (ADR 0030).
        services.AddSingleton(new EncryptedColumn("mem_members", "PhoneCipher", "PhoneHash"));
        services.AddSingleton(new EncryptedColumn("mem_dual_reports", "LiaisonPhoneCipher"));
        services.AddPersonalData();
        services.AddScoped<MemberDirectory>();
        services.AddIndicators<Features.MemberIndicators>();
        services.AddScoped<IUnitLifecycle, Features.MembersUnitLifecycle>();
        services.AddJob<Features.ImportJobRunner>();
        services.AddSingleton(config.GetSection("Members:PublicRecommendation").Get<Features.RecommendationOptions>() ?? new Features.RecommendationOptions());
        services.AddSingleton<Features.RecommendationLimiter>();
        services.AddEventHandler<Modules.PartyWork.Contracts.ProbationaryMemberAdmitted, Features.OnProbationaryMemberAdmitted>();
        services.AddEventHandler<Modules.PartyWork.Contracts.MemberConfirmedFull, Features.OnMemberConfirmedFull>();
        services.AddEventHandler<Modules.PartyWork.Contracts.ProbationCancelled, Features.OnProbationCancelled>();
        services.AddSingleton(new NavItem("流动党员", "/members/mobile", "bi-geo-alt", MemberPermissions.MemberView, 237));
        services.AddSingleton(new NavItem("党员管理", "/members", "bi-person-badge", MemberPermissions.MemberView, 200));
        services.AddSingleton(new NavItem("双报到", "/members/dual", "bi-house-heart", MemberPermissions.MemberView, 210));
        services.AddSingleton(new NavItem("认岗领责", "/members/posts", "bi-flag", MemberPermissions.MemberView, 220));
        services.AddSingleton(new NavItem("党员中心户", "/members/central", "bi-house-check", MemberPermissions.MemberView, 230));
        services.AddSingleton(new NavItem("后三级网格", "/members/grid-view", "bi-diagram-3", MemberPermissions.MemberView, 235));
        services.AddSingleton(new NavItem("我的党员身份", "/members/me", "bi-person-heart", MemberPermissions.MemberSelf, 240));
    }

    public IReadOnlyList<CliCommand> Commands => [Features.RekeyCitizenIds.Command];

    public IReadOnlyList<IMaintainedAggregate> Aggregates { get; } = [new Platform.Lists.SearchTextBackfill<Domain.Member>("mem_members"), new Data.MemberFiguresAggregate()];

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => MembersModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        // Fail at start, not at the first ID number, when production has no personal-data keys.
        app.ServiceProvider.GetRequiredService<PersonalData>();
        app.MapMembersApi();
    }
}
