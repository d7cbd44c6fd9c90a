using System.Diagnostics;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lianxin.Tests.Rollups;

/// <summary>
/// FIGURES (issue 15, ADR 0039): how long the district's 对标对表 and quarterly workbook take on the demo data and how many
/// SQL commands they send, per request and per indicator source. Printed, not asserted on time (the machine is shared).
/// </summary>
[Collection(AppCollection.Name)]
public class RollupFiguresTests(LianxinApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task FIGURES_district_compare_and_quarterly_report()
    {
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var district = app.WithDb(db => db.OrgUnits.Single(u => u.Kind == OrgKind.District));
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("admin")).DefaultRequestHeaders.Authorization;
        var codes = string.Join("&", app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All).Select(i => "codes=" + i.Code));
        var requests = new (string Name, string Url)[]
        {
            ("compare headlines", $"/api/v1/rollups/compare?parentId={district.Id}"),
            ("compare all codes", $"/api/v1/rollups/compare?parentId={district.Id}&{codes}"),
            ("quarterly workbook", $"/api/v1/rollups/quarterly/{district.Id}"),
        };
        foreach (var (name, url) in requests)
        {
            (await api.GetAsync(url)).EnsureSuccessStatusCode();
            var watch = Stopwatch.StartNew();
            var sent = await counter.CountAsync(async () => (await api.GetAsync(url)).EnsureSuccessStatusCode());
            output.WriteLine($"FIGURES {Provider} {name}: {watch.ElapsedMilliseconds} ms, {sent.Count} SQL commands");
        }

        var paths = app.WithDb(db => db.OrgUnits.Where(u => u.ParentId == district.Id && u.Kind == OrgKind.Street).Select(u => u.Path).ToList()).Append(district.Path).ToList();
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        foreach (var source in scope.ServiceProvider.GetServices<IIndicatorSource>())
        {
            var mine = source.Indicators.Select(i => i.Code).ToList();
            var watch = Stopwatch.StartNew();
            var sent = await counter.CountAsync(() => source.ReadAsync(mine, paths, new(2026, 7, 1), new(2026, 9, 30), default));
            output.WriteLine($"FIGURES {Provider} source {source.GetType().Name} over {paths.Count} paths: {watch.ElapsedMilliseconds} ms, {sent.Count} SQL commands");
        }
    }

    /// <summary>
    /// With ROLLFAST_DUMP=label, writes every source's figures for the district, its streets and communities over two periods
    /// to /tmp/rollfast-label-provider.txt, by unit name: the before/after check of ADR 0039 (same day, same demo data).
    /// </summary>
    [Fact]
    public async Task Dump_every_figure_when_asked()
    {
        if (Environment.GetEnvironmentVariable("ROLLFAST_DUMP") is not { } label) return;
        var units = app.WithDb(db => db.OrgUnits.Where(u => u.Kind == OrgKind.District || u.Kind == OrgKind.Street || u.Kind == OrgKind.Community)
            .Select(u => new { u.Path, u.Name }).ToList());
        var names = units.ToDictionary(u => u.Path, u => u.Name);
        var lines = new List<string>();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        foreach (var (from, to) in new[] { (new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)) })
            foreach (var source in scope.ServiceProvider.GetServices<IIndicatorSource>())
                foreach (var ((code, path), v) in await source.ReadAsync(source.Indicators.Select(i => i.Code).ToList(), names.Keys, from, to, default))
                    lines.Add($"{from}..{to} {code} {names[path]} {v.Numerator:0.######}/{v.Denominator:0.######}");
        lines.Sort(StringComparer.Ordinal);
        await File.WriteAllLinesAsync($"/tmp/rollfast-{label}-{Provider}.txt", lines);
    }

    static string Provider => Environment.GetEnvironmentVariable("LIANXIN_TEST_PROVIDER") ?? "Sqlite";
}
