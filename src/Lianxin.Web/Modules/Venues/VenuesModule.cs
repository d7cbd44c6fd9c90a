using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Venues.Api;
using Lianxin.Web.Modules.Venues.Contracts;
using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues;

/// <summary>阵地: 党群服务中心, 邻里中心, 新时代文明实践站… with their state, functions (一室四中心), 六有 checklist, rooms and bookings.</summary>
public sealed class VenuesModule : IModule
{
    public string Name => "Venues";
    public IReadOnlyList<Permission> Permissions => VenuePermissions.All;

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new NavItem("阵地", "/venues", "bi-house-door", VenuePermissions.VenueView, 160));
        services.AddSingleton(new EncryptedColumn("ven_bookings", "ContactPhoneCipher"));
        services.AddScoped<IUnitLifecycle, Features.VenuesUnitLifecycle>();
    }

    public void ConfigureModel(ModelBuilder b, LianxinDb db) => VenuesModel.Configure(b, db);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapVenuesApi();
}
