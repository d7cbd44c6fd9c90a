using Lianxin.Web.Modules.PointsBank.Api;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform.Cli;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank;

/// <summary>X贤银行: depositors earn points for confirmed volunteering and approved good deeds and redeem them at approved merchants, on a double-entry ledger.</summary>
public sealed class PointsBankModule : IModule
{
    public string Name => "PointsBank";
    public IReadOnlyList<Permission> Permissions => PointsBankPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("PointsBank").Get<PointsBankOptions>() ?? new PointsBankOptions());
        services.AddSingleton<DepositorCode>();
        services.AddScoped<PointsBankIndicators>();
        services.AddScoped<IIndicatorSource>(sp => sp.GetRequiredService<PointsBankIndicators>());
        services.AddSingleton(new NavItem("X贤银行", "/pointsbank", "bi-piggy-bank", PointsBankPermissions.View, 700));
        services.AddSingleton(new NavItem("我的积分", "/pointsbank/me", "bi-piggy-bank", PointsBankPermissions.Deposit, 701));
        services.AddSingleton(new NavItem("积分兑换", "/pointsbank/shop", "bi-shop", PointsBankPermissions.Trade, 702));
        services.AddScoped<IUnitLifecycle, PointsBankUnitLifecycle>();
        services.AddEventHandler<VolunteerHoursConfirmed, CreditVolunteerHours>();
        services.AddJob<ExpireHoldsJob>();
        services.AddJob<ExpirePointsJob>();
        services.AddJob<ExpiryNoticeJob>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => PointsBankModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPointsBankApi();

    public IReadOnlyList<CliCommand> Commands => [PointsBankCheckCommand.Command];
}
