using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Modules;

/// <summary>
/// A business module: one folder under Modules/ and one type implementing this. It brings its services (nav
/// entries, jobs, badge and figure sources, unit-lifecycle handlers), its tables, its permissions and its routes.
/// Program.cs lists the modules once (<c>Program.Modules</c>); Platform never names a module (ADR 0016).
/// </summary>
public interface IModule
{
    /// <summary>The module's name, as in its folder.</summary>
    string Name { get; }

    /// <summary>What the module may let roles do; each permission names the roles that hold it.</summary>
    IReadOnlyList<Permission> Permissions { get; }

    void AddServices(IServiceCollection services, IConfiguration config);

    /// <summary>Its tables (named with its prefix). Tenant and scope filters are added by convention afterwards.</summary>
    void ConfigureModel(ModelBuilder b, LianxinDb db);

    void MapEndpoints(IEndpointRouteBuilder app);

    /// <summary>Command-line chores the module adds (e.g. Members' <c>rekey-ids</c>).</summary>
    IReadOnlyList<Cli.CliCommand> Commands => [];

    /// <summary>Figures the module keeps in step with its rows on every save, and can rebuild from them (ADR 0026).</summary>
    IReadOnlyList<IMaintainedAggregate> Aggregates => [];
}

/// <summary>The modules of this host, for the DbContext and the checks that enumerate permissions.</summary>
public sealed class ModuleCatalog(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> Modules { get; } = modules;

    public IEnumerable<Permission> Permissions => Permission.PlatformPermissions.Concat(Modules.SelectMany(m => m.Permissions));

    /// <summary>The permission stored under <paramref name="name"/> (notifications keep the name); null when no module declares it any more.</summary>
    public Permission? Find(string name) => Permissions.FirstOrDefault(p => p.Name == name);
}
