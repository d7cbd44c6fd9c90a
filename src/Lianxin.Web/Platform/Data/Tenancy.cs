using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// The tenant is a district (区). One deployment serves one district today; the id is still carried on
/// every row so that PostgreSQL can later be sharded by district (ARCHITECTURE: Tenant).
/// </summary>
public class Tenancy
{
    public Guid DefaultTenantId { get; private set; }

    public async Task LoadAsync(LianxinDb db, CancellationToken ct = default)
    {
        DefaultTenantId = (await TenantIdsAsync(db, ct)).FirstOrDefault();
    }

    /// <summary>Every tenant, i.e. every district root; background jobs run once for each.</summary>
    public async Task<IReadOnlyList<Guid>> TenantIdsAsync(LianxinDb db, CancellationToken ct) =>
        await db.OrgUnits.IgnoreQueryFilters()
            .Where(u => u.Kind == OrgKind.District && u.ParentId == null)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);

    public void Set(Guid tenantId) => DefaultTenantId = tenantId;
}
