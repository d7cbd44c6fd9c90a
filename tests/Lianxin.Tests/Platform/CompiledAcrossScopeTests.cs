using Lianxin.Tests.PointsBank;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

/// <summary>
/// A query compiled once across the caller's scope (ADR 0065) lifts the scope filter as <c>AcrossScope()</c> does, and never
/// the tenant filter: it finds a shop outside the caller's subtrees, and nothing in another district.
/// </summary>
public class CompiledAcrossScopeTests(PointsBankApp app) : IClassFixture<PointsBankApp>
{
    // The two-value form (the one the confirmation uses); the second value is not needed here.
    static readonly Func<LianxinDb, Guid, Guid, CancellationToken, Task<Merchant?>> ShopById = QueryFilters.CompileFirstAcrossScope(
        (LianxinDb db, Guid id, Guid unused) => db.Set<Merchant>().AsNoTracking().Where(m => m.Id == id && id != unused));

    [Fact]
    public async Task It_reads_outside_the_callers_subtrees_but_not_outside_the_district()
    {
        var shop = await app.ShopAsync(points: 1, stock: 1);
        // A person of the district with no grant: their scope is empty, so a query built per call finds nothing scoped.
        var (scoped, across) = await app.AsSystemAsync(async (sp, db) =>
        {
            sp.GetRequiredService<OrgScope>().SetUser(Guid.NewGuid(), "无权限", db.Scope.TenantId, [], null);
            return (await db.PbMerchants.AnyAsync(m => m.Id == shop.MerchantId), await ShopById(db, shop.MerchantId, Guid.Empty, default));
        });
        Assert.False(scoped);
        Assert.Equal(shop.MerchantId, across?.Id);

        await using var other = app.Services.CreateAsyncScope();
        other.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(Guid.NewGuid());
        Assert.Null(await ShopById(other.ServiceProvider.GetRequiredService<LianxinDb>(), shop.MerchantId, Guid.Empty, default));
    }
}
