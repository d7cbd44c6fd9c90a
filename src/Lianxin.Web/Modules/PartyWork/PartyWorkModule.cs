using Lianxin.Web.Modules.PartyWork.Api;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork;

/// <summary>党务工作: recruiting members (发展党员) step by step, until the roster takes them over (ADR 0019).</summary>
public sealed class PartyWorkModule : IModule
{
    public string Name => "PartyWork";
    public IReadOnlyList<Permission> Permissions => PartyWorkPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("发展党员", "/partywork", "bi-person-plus", PartyWorkPermissions.View, 250));
        services.AddSingleton(new NavItem("申请入党", "/partywork/apply", "bi-person-raised-hand", PartyWorkPermissions.ApplyOwn, 251));
        services.AddSingleton(new FileOwner(RecordStep.Module, RecordStep.EntryKind, PartyWorkPermissions.View));
        services.AddScoped<IUnitLifecycle, PartyWorkUnitLifecycle>();
        services.AddJob<RecruitReminderJob>();
        services.AddSingleton(new EncryptedColumn("pw_recruits", "PhoneCipher"));
        services.AddIndicators<PartyWorkIndicators>();
        services.AddSingleton(new NavItem("支部班子与换届", "/partywork/committees", "bi-people", PartyWorkPermissions.View, 251));
        services.AddSingleton(new NavItem("整顿提升", "/partywork/rectifications", "bi-arrow-up-circle", PartyWorkPermissions.View, 252));
        services.AddSingleton(new FileOwner(Features.Rectification.RectifyCriteria.Module, Features.Rectification.RectifyCriteria.ProgressKind, PartyWorkPermissions.View));
        services.AddJob<Features.Committees.TermReminderJob>();
        services.AddIndicators<CommitteeIndicators>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => PartyWorkModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPartyWorkApi();
        app.MapCommitteesApi();
    }
}
