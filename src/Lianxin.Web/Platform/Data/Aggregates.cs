using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// Figures a module keeps in step with its rows instead of counting them per request (ADR 0026), e.g. Organizations'
/// grids, compounds, buildings and households per unit. A module lists its aggregates in <see cref="Modules.IModule.Aggregates"/>;
/// <see cref="LianxinDb"/> asks each one on every save, and the <c>rebuild-aggregates</c> command recomputes them all.
/// </summary>
public interface IMaintainedAggregate
{
    /// <summary>Its table, as the rebuild command reports it.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the pending changes of <paramref name="db"/> (before they are written) and answers the work that brings the
    /// aggregate in step with them, or null when none concerns it. That work runs after the rows are written, in the same
    /// transaction, and must not save tracked entities (it writes with SQL).
    /// </summary>
    Task<Func<CancellationToken, Task>?> StageAsync(LianxinDb db, CancellationToken ct);

    /// <summary>Recomputes the aggregate of the current tenant from the rows (inside the caller's transaction); answers the rows written.</summary>
    Task<int> RebuildAsync(LianxinDb db, CancellationToken ct);
}

public static class Aggregates
{
    /// <summary>
    /// Recomputes every module's aggregates for every district, each district in one transaction: after a restore, a bulk load
    /// that bypassed EF, or a suspected drift. Answers the rows written per aggregate and district.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Tenant, string Aggregate, int Rows)>> RebuildAllAsync(IServiceProvider services, CancellationToken ct)
    {
        var done = new List<(Guid, string, int)>();
        IReadOnlyList<Guid> tenants;
        using (var first = services.CreateScope())
            tenants = await first.ServiceProvider.GetRequiredService<Tenancy>().TenantIdsAsync(first.ServiceProvider.GetRequiredService<LianxinDb>(), ct);
        foreach (var tenant in tenants)
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var aggregate in db.Modules.Modules.SelectMany(m => m.Aggregates))
                done.Add((tenant, aggregate.Name, await aggregate.RebuildAsync(db, ct)));
            await tx.CommitAsync(ct);
        }
        return done;
    }
}
