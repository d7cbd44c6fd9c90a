using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using static Lianxin.Tests.CoBuilding.CoBuildingLoopTests;

namespace Lianxin.Tests.CoBuilding;

/// <summary>The liaison keeps their own unit's resources and reports its fulfilment, and nothing of other units; out of scope is 404.</summary>
[Collection(AppCollection.Name)]
public class LiaisonLoopScopeTests(LianxinApp app)
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == shortName));
    static async Task<Guid> Created(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_liaison_maintains_and_offers_their_units_resources_and_nothing_of_another_unit()
    {
        var heping = Unit("和平社区党委");
        var (mine, other) = app.WithDb(db => (db.PartnerUnit(heping, "联络员本单位", UserId(app, "liaison")), db.PartnerUnit(heping, "另一家单位")));
        var secretary = await app.ApiAs("secretary");
        var liaison = await app.ApiAs("liaison");
        var otherResource = await Created(await secretary.PostAsJsonAsync("/api/v1/cobuilding/resources", Resource(other.Id, "别家的场地", 2)));
        var myResource = await Created(await liaison.PostAsJsonAsync("/api/v1/cobuilding/resources", Resource(mine.Id, "本单位的讲师", 2)));
        var need = await Created(await secretary.PostAsJsonAsync("/api/v1/cobuilding/needs", Need(heping.Id, "范围测试需求", 2)));

        // Another unit's resource: not published for it, not edited, not offered.
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/v1/cobuilding/resources", Resource(other.Id, "冒名资源", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync($"/api/v1/cobuilding/resources/{otherResource}", new
        {
            partnerUnitId = other.Id, title = "改名", kind = "Skills", quantity = 9, measure = "场", availableFrom = Today, availableTo = Today.AddDays(9), version = 0,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/cobuilding/needs/{need}/matches", new { resourceId = otherResource, quantity = 1 })).StatusCode);
        // Staff work is not the liaison's: publishing needs, projects, agreements.
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/v1/cobuilding/needs", Need(heping.Id, "联络员发需求", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/v1/cobuilding/projects", new
        {
            unitId = heping.Id, title = "联络员立项", goal = "x", startOn = Today, endOn = Today, partnerUnitIds = new[] { mine.Id },
        })).StatusCode);
        var other2 = app.WithDb(db => (db.Resources.Single(r => r.Id == otherResource).Title, db.Resources.Single(r => r.Id == otherResource).Promised));
        Assert.Equal(("别家的场地", 0), other2);

        // Their own: edited (never below what is promised) and offered.
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsJsonAsync($"/api/v1/cobuilding/needs/{need}/matches", new { resourceId = myResource, quantity = 2 })).StatusCode);
        var below = await liaison.PutAsJsonAsync($"/api/v1/cobuilding/resources/{myResource}", new
        {
            partnerUnitId = mine.Id, title = "本单位的讲师", kind = "Skills", quantity = 1, measure = "场", availableFrom = Today, availableTo = Today.AddDays(9), version = 1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.Contains("已承诺对接 2，数量不能少于它。", await below.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await liaison.PutAsJsonAsync($"/api/v1/cobuilding/resources/{myResource}", new
        {
            partnerUnitId = mine.Id, title = "本单位的党员讲师", kind = "Skills", quantity = 5, measure = "场", availableFrom = Today, availableTo = Today.AddDays(9), version = 1,
        })).StatusCode);
        var mineOnly = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/cobuilding/resources?mine=true");
        Assert.All(mineOnly.GetProperty("items").EnumerateArray(), r => Assert.True(r.GetProperty("mine").GetBoolean()));
        Assert.Contains(mineOnly.GetProperty("items").EnumerateArray(), r => r.GetProperty("title").GetString() == "本单位的党员讲师");
    }

    [Fact]
    public async Task The_liaison_reports_only_their_units_obligations_and_rates_nothing()
    {
        var heping = Unit("和平社区党委");
        var (mine, other) = app.WithDb(db => (db.PartnerUnit(heping, "履约本单位", UserId(app, "liaison")), db.PartnerUnit(heping, "履约别家")));
        var secretary = await app.ApiAs("secretary");
        var liaison = await app.ApiAs("liaison");
        var agreement = await Created(await secretary.PostAsJsonAsync("/api/v1/cobuilding/agreements", new
        {
            title = "范围测试年度协议", kind = "Annual", unitId = heping.Id, signedOn = Today,
            obligations = new object[] { new { partnerUnitId = mine.Id, content = "本单位义务", dueOn = Today }, new { partnerUnitId = other.Id, content = "别家义务", dueOn = Today } },
        }));
        var rows = (await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/agreements/{agreement}")).GetProperty("obligations").EnumerateArray().ToList();
        var own = rows.Single(o => o.GetProperty("content").GetString() == "本单位义务").GetProperty("id").GetGuid();
        var theirs = rows.Single(o => o.GetProperty("content").GetString() == "别家义务").GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsync($"/api/v1/cobuilding/obligations/{theirs}/fulfilment", Fulfilment("代报", 0, Today))).StatusCode);
        Assert.Null(app.WithDb(db => db.Obligations.Single(o => o.Id == theirs).FulfilledOn));
        var missing = await liaison.PostAsync($"/api/v1/cobuilding/obligations/{own}/fulfilment", Fulfilment("", 0, Today.AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var text = await missing.Content.ReadAsStringAsync();
        Assert.Contains("请填写履约情况。", text);
        Assert.Contains("履约日期不能晚于今天。", text);
        Assert.Equal(HttpStatusCode.OK, (await liaison.PostAsync($"/api/v1/cobuilding/obligations/{own}/fulfilment", Fulfilment("已完成", 0, Today))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/cobuilding/obligations/{own}/rating", new { rating = 5, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/cobuilding/agreements/{agreement}/close", new { reason = "自行关闭", version = 0 })).StatusCode);
    }

    [Fact]
    public async Task Records_of_the_neighbour_community_are_not_found_by_the_liaison_nor_its_secretary()
    {
        var xingfu = Unit("幸福社区党委");
        var secretary2 = await app.ApiAs("secretary2");
        var need = await Created(await secretary2.PostAsJsonAsync("/api/v1/cobuilding/needs", Need(xingfu.Id, "幸福社区的需求", 1)));
        var theirUnit = app.WithDb(db => db.PartnerUnit(xingfu, "幸福社区的单位"));
        var resource = await Created(await secretary2.PostAsJsonAsync("/api/v1/cobuilding/resources", Resource(theirUnit.Id, "幸福社区的资源", 1)));
        var liaison = await app.ApiAs("liaison");
        var secretary = await app.ApiAs("secretary");

        foreach (var api in new[] { liaison, secretary })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cobuilding/needs/{need}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/cobuilding/needs/{need}/matches", new { resourceId = resource, quantity = 1 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cobuilding/resources/{resource}")).StatusCode);
            Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/cobuilding/needs?q=" + Uri.EscapeDataString("幸福社区的需求"))).GetProperty("total").GetInt32());
        }
        Assert.Equal(0, app.WithDb(db => db.Resources.Single(r => r.Id == resource).Promised));
    }
}
