using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// The tenant is a district (区). One deployment serves one district today; the id is still carried on every row
/// so that PostgreSQL can later be sharded by district (ARCHITECTURE: Tenant). Anonymous requests act for the
/// first district; background jobs run for every one.
/// </summary>
public class Tenancy
{
    public Guid DefaultTenantId { get; private set; }

    public async Task LoadAsync(LianxinDb db, CancellationToken ct = default) =>
        DefaultTenantId = (await TenantIdsAsync(db, ct)).FirstOrDefault();

    /// <summary>Every tenant (district); background jobs run once for each.</summary>
    public async Task<IReadOnlyList<Guid>> TenantIdsAsync(LianxinDb db, CancellationToken ct) =>
        await db.Tenants.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);

    /// <summary>Records a new district; its root unit has the same id.</summary>
    public static void Register(LianxinDb db, Guid id, string name, DateTime now) =>
        db.Tenants.Add(new Tenant { Id = id, Name = name, CreatedAt = now });

    public void Set(Guid tenantId) => DefaultTenantId = tenantId;
}
