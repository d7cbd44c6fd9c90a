using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Api;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations;

/// <summary>Organisation tree, grid and places: its services, tables, menu and routes.</summary>
public sealed class OrganizationsModule : IModule
{
    public string Name => "Organizations";
    public IReadOnlyList<Permission> Permissions => OrgPermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        // Migration 0045 left these phones marked in clear; the app encrypts them after migrating (ADR 0030).
        services.AddSingleton(new EncryptedColumn("org_positions", "PhoneCipher"));
        services.AddSingleton(new EncryptedColumn("org_buildings", "LeaderPhoneCipher"));
        services.AddSingleton<Features.TreeCache>();
        services.AddScoped<OrgDirectory>();
        services.AddScoped<PlaceDirectory>();
        services.AddScoped<IUnitDirectory>(sp => sp.GetRequiredService<OrgDirectory>());
        services.AddScoped<IHomeCardSource, Features.CoverageCard>();
        services.AddIndicators<Features.OrgIndicators>();
        services.AddScoped<Features.UnitLifecycles>();
        services.AddScoped<IUnitLifecycle, Features.OrganizationsUnitLifecycle>();
        services.AddSingleton(new NavItem("组织架构", "/org", "bi-diagram-3", OrgPermissions.OrgView, 100));
    }

    public IReadOnlyList<IMaintainedAggregate> Aggregates { get; } = [new UnitCountsAggregate()];

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => OrganizationsModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOrganizationsApi();
}
