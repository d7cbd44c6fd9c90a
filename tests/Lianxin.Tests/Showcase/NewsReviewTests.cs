using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Showcase.Data;

namespace Lianxin.Tests.Showcase;

/// <summary>宣传稿件: a community writes, the street returns or publishes it, and only published items reach the street's public page.</summary>
[Collection(AppCollection.Name)]
public class NewsReviewTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);
    Guid UnitOf(string userName) => app.WithDb(db => db.RoleGrants.First(g => db.Users.Any(u => u.Id == g.UserId && u.UserName == userName)).OrgUnitId);
    int NewsCount() => app.WithDb(db => db.NewsItems.Count());

    async Task<List<string>> PublicTitles(Guid street) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/news/{street}")).GetProperty("items").EnumerateArray()
        .Select(i => i.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task A_draft_is_returned_with_a_reason_resubmitted_and_published_and_only_then_shown_on_the_public_page()
    {
        var street = Unit("东湖街道党工委");
        var heping = Unit("和平社区党委");
        var staff = await app.ApiAs("staff");
        var streetApi = await app.ApiAs("street");
        var title = "和平社区开展邻里节活动" + Guid.NewGuid().ToString("N")[..6];

        var created = await staff.PostAsJsonAsync("/api/v1/showcase/news", new { orgUnitId = heping, title, body = "社区党委组织居民开展邻里节，百家宴、才艺展示其乐融融。", channels = new[] { "WeChat" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var createdBody = await Json(created);
        var id = createdBody.GetProperty("id").GetGuid();
        var version = createdBody.GetProperty("version").GetInt32();
        Assert.DoesNotContain(title, await PublicTitles(street));

        var submitted = await staff.PostAsJsonAsync($"/api/v1/showcase/news/{id}/submit", new { version });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var submittedBody = await Json(submitted);
        version = submittedBody.GetProperty("version").GetInt32();
        Assert.Equal("Submitted", submittedBody.GetProperty("state").GetString());

        // The community may not review; another community does not see the item at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = true, channels = new[] { "WeChat" }, version })).StatusCode);
        var other = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/showcase/news/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/showcase/news/{id}/submit", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/showcase/news/{id}")).StatusCode);

        // Returning needs a reason; without one nothing changes.
        var noReason = await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = false, reason = " ", version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写退回原因。", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", (await streetApi.GetFromJsonAsync<JsonElement>($"/api/v1/showcase/news/{id}")).GetProperty("state").GetString());

        var returned = await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = false, reason = "请补充活动时间和参与人数。", version });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var item = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/showcase/news/{id}");
        Assert.Equal("Returned", item.GetProperty("state").GetString());
        Assert.Equal("请补充活动时间和参与人数。", item.GetProperty("returnReason").GetString());
        Assert.True(item.GetProperty("canEdit").GetBoolean());
        Assert.DoesNotContain(title, await PublicTitles(street));

        // The author edits and resubmits.
        version = item.GetProperty("version").GetInt32();
        var edited = await staff.PutAsJsonAsync($"/api/v1/showcase/news/{id}", new { orgUnitId = heping, title, body = "6月8日上午，社区党委组织 120 余名居民开展邻里节。", channels = new[] { "WeChat" }, version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var resubmitted = await staff.PostAsJsonAsync($"/api/v1/showcase/news/{id}/submit", new { version = (await Json(edited)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        version = (await Json(resubmitted)).GetProperty("version").GetInt32();

        // A reviewer who read an older version is refused; publishing needs a channel.
        Assert.Equal(HttpStatusCode.Conflict, (await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = true, channels = new[] { "WeChat" }, version = version - 1 })).StatusCode);
        var noChannel = await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = true, channels = Array.Empty<string>(), version });
        Assert.Equal(HttpStatusCode.BadRequest, noChannel.StatusCode);
        Assert.Contains("请至少选择一个发布渠道。", await noChannel.Content.ReadAsStringAsync());

        var published = await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = true, channels = new[] { "WeChat", "Website" }, version });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", (await Json(published)).GetProperty("state").GetString());
        // A second decision on the same version loses.
        Assert.Equal(HttpStatusCode.Conflict, (await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{id}/review", new { approve = false, reason = "重复", version })).StatusCode);
        // Published is final for the author.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutAsJsonAsync($"/api/v1/showcase/news/{id}", new { orgUnitId = heping, title, body = "改", version = version + 1 })).StatusCode);

        Assert.Contains(title, await PublicTitles(street));
        var anon = app.CreateClient();
        Assert.Contains(title, await anon.GetStringAsync($"/public/news/{street}"));
        var page = await anon.GetStringAsync($"/public/news/{street}/{id}");
        Assert.Contains("120 余名居民", page);
        Assert.DoesNotContain("请补充活动时间", page);
    }

    [Fact]
    public async Task The_public_page_answers_404_for_drafts_items_under_review_and_units_that_are_not_streets()
    {
        var street = Unit("东湖街道党工委");
        var heping = Unit("和平社区党委");
        var staff = await app.ApiAs("staff");
        var created = await staff.PostAsJsonAsync("/api/v1/showcase/news", new { orgUnitId = heping, title = "未审核稿件" + Guid.NewGuid().ToString("N")[..6], body = "草稿正文" });
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/public/news/{street}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/public/news/{street}/{id}")).StatusCode);
        await staff.PostAsJsonAsync($"/api/v1/showcase/news/{id}/submit", new { version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/public/news/{street}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/public/news/{heping}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/public/news/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_Chinese_field_messages_and_writes_nothing()
    {
        var staff = await app.ApiAs("staff");
        var before = NewsCount();
        var bad = await staff.PostAsJsonAsync("/api/v1/showcase/news", new { orgUnitId = Unit("和平社区党委"), title = "", body = new string('字', 8001) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写标题。", body);
        Assert.Contains("正文不能超过 8000 个字符。", body);
        // A unit outside the caller's scope is not offered: it is a field error, not a leak of the unit's existence.
        var foreign = await staff.PostAsJsonAsync("/api/v1/showcase/news", new { orgUnitId = UnitOf("secretary2"), title = "标题", body = "正文" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(before, NewsCount());
    }

    [Fact]
    public async Task The_figures_count_published_items_per_community_and_month()
    {
        var api = await app.ApiAs("street");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var table = await api.GetFromJsonAsync<JsonElement>($"/api/v1/showcase/news/figures?year={year}");
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("name").GetString() == "和平社区党委");
        Assert.Equal(table.GetProperty("total").GetInt32(), rows.Sum(r => r.GetProperty("total").GetInt32()));
        Assert.Equal(12, rows[0].GetProperty("months").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/showcase/news/figures?year=1")).StatusCode);
    }
}
