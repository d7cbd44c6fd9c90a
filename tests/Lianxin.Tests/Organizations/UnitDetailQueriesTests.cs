using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Xunit.Abstractions;

namespace Lianxin.Tests.Organizations;

[Collection(AppCollection.Name)]
public class UnitDetailQueriesTests(LianxinApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Measure()
    {
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var street = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Street && u.Status == OrgStatus.Active).Id);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("street")).DefaultRequestHeaders.Authorization;
        (await api.GetAsync($"/api/v1/org/units/{street}")).EnsureSuccessStatusCode();
        var q = await counter.CountAsync(async () => (await api.GetAsync($"/api/v1/org/units/{street}")).EnsureSuccessStatusCode());
        output.WriteLine($"{q.Count} commands");
        foreach (var c in q) output.WriteLine(c.Replace("\n", " ")[..Math.Min(400, c.Length)]);
    }
}
