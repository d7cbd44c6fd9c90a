using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Rollups;

/// <summary>
/// Issue 15 (ADR 0039): 对标对表 and the quarterly workbook read each indicator source once for all the units they show, so
/// their SQL does not grow with the number of units, and a read of many subtrees gives each the figures it has alone.
/// </summary>
[Collection(AppCollection.Name)]
public class RollupQueryCountTests(LianxinApp app)
{
    [Fact]
    public async Task A_comparison_and_a_quarterly_workbook_send_as_many_queries_over_six_communities_as_over_two()
    {
        var street = app.WithDb(db =>
        {
            var street = db.Unit(db.OrgUnits.Single(u => u.Kind == OrgKind.District), OrgKind.Street, "查询计数街道");
            db.Unit(street, OrgKind.Community, "计数一社区");
            db.Unit(street, OrgKind.Community, "计数二社区");
            return street;
        });
        var codes = string.Join("&", app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All).Select(i => "codes=" + i.Code));
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("admin")).DefaultRequestHeaders.Authorization;
        var compare = $"/api/v1/rollups/compare?parentId={street.Id}&period=2026Q3&{codes}";
        (await api.GetAsync(compare)).EnsureSuccessStatusCode();
        var quarterly = $"/api/v1/rollups/quarterly/{street.Id}?quarter=2026Q3";
        (await api.GetAsync(quarterly)).EnsureSuccessStatusCode();
        var before = await counter.CountAsync(async () => (await api.GetAsync(compare)).EnsureSuccessStatusCode());
        var beforeBook = await counter.CountAsync(async () => (await api.GetAsync(quarterly)).EnsureSuccessStatusCode());

        app.WithDb(db =>
        {
            foreach (var name in new[] { "计数三社区", "计数四社区", "计数五社区", "计数六社区" }) db.Unit(street, OrgKind.Community, name);
            return 0;
        });
        var after = await counter.CountAsync(async () => (await api.GetAsync(compare)).EnsureSuccessStatusCode());
        var afterBook = await counter.CountAsync(async () => (await api.GetAsync(quarterly)).EnsureSuccessStatusCode());

        // Before ADR 0039 each source sent its queries once per community (and once for the benchmark and the street); Members'
        // figures and the training coverage did until they read every subtree at once too.
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(beforeBook.Count, afterBook.Count);
        // What a street's comparison of every indicator sends today (both providers, issue 15): fewer is fine, more is a regression.
        Assert.InRange(after.Count, 1, 101);
    }

    [Fact]
    public async Task Every_source_reads_many_subtrees_at_once_as_it_reads_each_alone()
    {
        // The district, its streets and a few communities: enough to put subtrees inside each other and side by side, few enough
        // that reading each alone stays quick.
        var paths = app.WithDb(db => db.OrgUnits.Where(u => u.Kind == OrgKind.District || u.Kind == OrgKind.Street).Select(u => u.Path).ToList()
            .Concat(db.OrgUnits.Where(u => u.Kind == OrgKind.Community).OrderBy(u => u.Path).Select(u => u.Path).Take(4)).ToList());
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        foreach (var source in scope.ServiceProvider.GetServices<IIndicatorSource>())
        {
            var codes = source.Indicators.Select(i => i.Code).ToList();
            var together = await source.ReadAsync(codes, paths, from, to, default);
            foreach (var path in paths)
                foreach (var (key, alone) in await source.ReadAsync(codes, [path], from, to, default))
                    Assert.True(together.TryGetValue(key, out var v) && v == alone, $"{source.GetType().Name} {key}: {alone} alone, {v} with the others");
        }
    }
}
