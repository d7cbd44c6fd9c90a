using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Showcase.Data;

namespace Lianxin.Tests.Showcase;

/// <summary>Brands, model sites and honours: scope, permissions, bad input, and what the lists show.</summary>
[Collection(AppCollection.Name)]
public class ShowcaseRecordsTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);
    Guid UnitOf(string userName) => app.WithDb(db => db.RoleGrants.First(g => db.Users.Any(u => u.Id == g.UserId && u.UserName == userName)).OrgUnitId);
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_brand_links_pledges_of_its_units_and_shows_their_titles_but_not_another_communitys()
    {
        var heping = Unit("和平社区党委");
        var secretary = await app.ApiAs("secretary");
        var pledge = app.WithDb(db =>
        {
            var path = db.OrgUnits.First(u => u.Id == heping).Path;
            return db.Set<Lianxin.Web.Modules.Pledges.Domain.Pledge>().First(p => p.OrgPath.StartsWith(path));
        });
        var name = "邻里守望" + Guid.NewGuid().ToString("N")[..4];

        var foreign = await (await app.ApiAs("secretary2")).PostAsJsonAsync("/api/v1/showcase/brands",
            new { orgUnitId = UnitOf("secretary2"), name, story = "故事", pledgeIds = new[] { pledge.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("所选实事项目不存在或不在您的管辖范围内。", await foreign.Content.ReadAsStringAsync());

        var created = await secretary.PostAsJsonAsync("/api/v1/showcase/brands", new { orgUnitId = heping, name, story = "党员楼栋长每天敲门问候独居老人。", pledgeIds = new[] { pledge.Id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var detail = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/showcase/brands/{id}");
        Assert.Equal(pledge.Title, detail.GetProperty("pledges")[0].GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/showcase/brands/{id}")).StatusCode);
        var page = await (await app.PagesAs("staff")).GetStringAsync("/showcase/brands");
        Assert.Contains(name, page);
        Assert.Contains("温青工作室", page);

        // A stale edit loses.
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutAsJsonAsync($"/api/v1/showcase/brands/{id}", new { orgUnitId = heping, name, story = "改", version = 5 })).StatusCode);
    }

    [Fact]
    public async Task Model_sites_carry_their_ten_standards_score_from_Reviews_and_those_past_review_come_first()
    {
        var street = await app.ApiAs("street");
        var sites = (await street.GetFromJsonAsync<JsonElement>("/api/v1/showcase/sites")).EnumerateArray().ToList();
        var heping = sites.Single(s => s.GetProperty("name").GetString() == "和平社区党群服务中心");
        Assert.True(heping.GetProperty("reviewDue").GetBoolean());
        Assert.True(heping.GetProperty("score").GetDouble() is > 80 and <= 100);
        Assert.Contains("十大标准", heping.GetProperty("scoredIn").GetString());
        Assert.True(sites[0].GetProperty("reviewDue").GetBoolean());

        // A community does not name its own model site; the street does, and a review date before the naming is refused.
        var ownSite = new { orgUnitId = Unit("和平社区党委"), name = "自评示范点", namedOn = Day(-1), reviewDueOn = Day(300) };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("secretary")).PostAsJsonAsync("/api/v1/showcase/sites", ownSite)).StatusCode);
        var bad = await street.PostAsJsonAsync("/api/v1/showcase/sites", ownSite with { reviewDueOn = Day(-5) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("复核日期须晚于命名日期。", await bad.Content.ReadAsStringAsync());
        var html = await (await app.PagesAs("street")).GetStringAsync("/showcase/sites");
        Assert.Contains("data-review-due=\"true\"", html);
    }

    [Fact]
    public async Task Honours_are_recorded_for_units_members_and_residents_by_name_searched_and_deleted_at_the_version_confirmed()
    {
        var heping = Unit("和平社区党委");
        var secretary = await app.ApiAs("secretary");
        var before = app.WithDb(db => db.Honours.Count());
        var bad = await secretary.PostAsJsonAsync("/api/v1/showcase/honours", new { title = "", level = "Street", awardingBody = "", awardedOn = Day(3), recipientKind = "Resident", orgUnitId = heping });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var messages = await bad.Content.ReadAsStringAsync();
        foreach (var m in new[] { "请填写荣誉称号。", "请填写授予单位。", "授予日期不能晚于今天。", "请填写获奖居民的姓名。" }) Assert.Contains(m, messages);
        Assert.Equal(before, app.WithDb(db => db.Honours.Count()));

        var resident = "好邻居" + Guid.NewGuid().ToString("N")[..4];
        var created = await secretary.PostAsJsonAsync("/api/v1/showcase/honours", new { title = "最美家庭", level = "Community", awardingBody = "和平社区党委", awardedOn = Day(-3), recipientKind = "Resident", orgUnitId = heping, residentName = resident });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var found = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/showcase/honours?q={Uri.EscapeDataString(resident)}&kind=Resident");
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        // A member outside the caller's scope is not a choice.
        var neighbour = UnitOf("secretary2");
        var foreignMember = app.WithDb(db =>
        {
            var path = db.OrgUnits.First(u => u.Id == neighbour).Path;
            return db.Members.First(m => m.OrgPath.StartsWith(path)).Id;
        });
        var foreign = await secretary.PostAsJsonAsync("/api/v1/showcase/honours", new { title = "优秀共产党员", level = "Street", awardingBody = "东湖街道党工委", awardedOn = Day(-3), recipientKind = "Member", memberId = foreignMember });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).DeleteAsync($"/api/v1/showcase/honours/{id}?version=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.DeleteAsync($"/api/v1/showcase/honours/{id}?version=3")).StatusCode);
        var pages = await app.PagesAs("secretary");
        Assert.Contains(resident, await pages.GetStringAsync($"/showcase/honours/{id}/delete"));
        var deleted = await LianxinApp.PostFormAsync(pages, $"/showcase/honours/{id}/delete", new() { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/showcase/honours/{id}")).StatusCode);
    }
}
