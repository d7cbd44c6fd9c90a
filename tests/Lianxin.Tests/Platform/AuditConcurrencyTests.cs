using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class AuditConcurrencyTests(LianxinApp app)
{
    [Fact]
    public async Task Parallel_writers_keep_the_chain_whole()
    {
        var unit = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Community));
        var tenant = unit.TenantId;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
            db.OrgPositions.Add(new OrgPosition { OrgUnitId = unit.Id, OrgPath = unit.Path, Title = "委员", PersonName = $"并发{i}", StartedOn = new DateOnly(2026, 1, 1) });
            await db.SaveChangesAsync();
        })));

        var api = await app.ApiAs("admin");
        var report = await api.GetFromJsonAsync<ChainReport>("/api/v1/audit/verify");
        Assert.True(report!.Intact, report.FirstBreak?.Reason);
        Assert.Equal(8, app.WithDb(db => db.AuditEntries.Count(e => e.Entity == "OrgPosition" && e.After!.Contains("并发"))));
    }
}
