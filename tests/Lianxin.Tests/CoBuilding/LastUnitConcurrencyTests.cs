using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using static Lianxin.Tests.CoBuilding.CoBuildingLoopTests;

namespace Lianxin.Tests.CoBuilding;

/// <summary>Two people promise the last unit of a resource at the same moment: exactly one of them gets it.</summary>
[Collection(AppCollection.Name)]
public class LastUnitConcurrencyTests(LianxinApp app)
{
    OrgUnit Heping() => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));

    async Task<(Guid Resource, Guid NeedA, Guid NeedB)> ArrangeAsync(string tag)
    {
        var heping = Heping();
        var unit = app.WithDb(db => db.PartnerUnit(heping, tag + "单位"));
        var api = await app.ApiAs("secretary");
        async Task<Guid> Post(string url, object body) =>
            (await (await api.PostAsJsonAsync(url, body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (await Post("/api/v1/cobuilding/resources", Resource(unit.Id, tag + "最后一台设备", 1)),
            await Post("/api/v1/cobuilding/needs", Need(heping.Id, tag + "需求甲", 1)), await Post("/api/v1/cobuilding/needs", Need(heping.Id, tag + "需求乙", 1)));
    }

    [Fact]
    public async Task Two_parallel_requests_for_the_last_unit_one_is_confirmed_and_the_other_refused_with_409()
    {
        var (resource, a, b) = await ArrangeAsync("并发" + Guid.NewGuid().ToString("N")[..4]);
        var (secretary, staff) = (await app.ApiAs("secretary"), await app.ApiAs("staff"));

        var answers = await Task.WhenAll(
            secretary.PostAsJsonAsync($"/api/v1/cobuilding/needs/{a}/matches", new { resourceId = resource, quantity = 1 }),
            staff.PostAsJsonAsync($"/api/v1/cobuilding/needs/{b}/matches", new { resourceId = resource, quantity = 1 }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        var loser = answers.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("该资源只剩 0，不能承诺 1。", await loser.Content.ReadAsStringAsync());
        var (promised, matches, promisedToNeeds) = app.WithDb(db => (db.Resources.Single(r => r.Id == resource).Promised, db.NeedMatches.Count(m => m.ResourceId == resource),
            db.Needs.Where(n => n.Id == a || n.Id == b).Sum(n => n.Promised)));
        Assert.Equal((1, 1, 1), (promised, matches, promisedToNeeds));
    }

    [Fact]
    public async Task A_promise_whose_read_is_overtaken_by_another_is_checked_again_and_refused()
    {
        var (resource, a, b) = await ArrangeAsync("交错" + Guid.NewGuid().ToString("N")[..4]);
        await using var late = app.Services.CreateAsyncScope();
        Outcome<LoopSaved>? first = null;
        // The late promise has read the resource (one left); before it writes, another promise takes that one.
        var db = Interleave.BeforeFirstTransaction(AsSystem(late), async () =>
        {
            await using var early = app.Services.CreateAsyncScope();
            first = await ConfirmMatch.HandleAsync(AsSystem(early).ServiceProvider.GetRequiredService<LianxinDb>(), TimeProvider.System, a,
                new MatchRequest { ResourceId = resource, Quantity = 1 }, default);
        });

        var second = await ConfirmMatch.HandleAsync(db, TimeProvider.System, b, new MatchRequest { ResourceId = resource, Quantity = 1 }, default);

        Assert.True(first!.IsOk, first.Message);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Equal((1, 0), app.WithDb(d => (d.Resources.Single(r => r.Id == resource).Promised, d.Needs.Single(n => n.Id == b).Promised)));
        Assert.Equal(0, app.WithDb(d => d.NeedMatches.Count(m => m.NeedId == b)));
    }

    IServiceScope AsSystem(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(app.WithDb(d => d.CurrentTenantId));
        return scope;
    }
}
