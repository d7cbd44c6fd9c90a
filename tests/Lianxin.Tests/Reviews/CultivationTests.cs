using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Tests.Reviews;

/// <summary>The 五星支部 重点培养对象 list: named per year with a reason and a responsible person, taken off with a reason, held against the year-end award.</summary>
[Collection(AppCollection.Name)]
public class CultivationTests(LianxinApp app)
{
    static readonly int Year = TimeProvider.System.Today().Year;

    (Guid Street, Guid Heping, Guid Listed, Guid Awarded, Guid Other) Branches() => app.WithDb(db =>
    {
        var street = db.OrgUnits.First(u => u.ShortName == "东湖街道党工委");
        var heping = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        string Name() => "培育测试支部" + Guid.NewGuid().ToString("N")[..4];
        return (street.Id, heping.Id, db.Unit(heping, OrgKind.Branch, Name()).Id, db.Unit(heping, OrgKind.Branch, Name()).Id, db.Unit(heping, OrgKind.Branch, Name()).Id);
    });

    [Fact]
    public async Task A_community_lists_its_branches_removes_one_with_a_reason_and_the_year_end_page_holds_the_award_against_the_list()
    {
        var (street, heping, listed, awarded, other) = Branches();
        var secretary = await app.ApiAs("secretary");
        object Add(Guid unit, string? reason = "组织生活规范，群众口碑好", string? responsible = "社区党委书记 王芳", Guid? by = null, int? year = null) =>
            new { year = year ?? Year, unitId = unit, listedByUnitId = by ?? heping, reason, responsible };

        var bad = await secretary.PostAsJsonAsync("/api/v1/reviews/cultivation", Add(listed, reason: " ", responsible: null, year: Year + 5));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Reason", out _) && errors.TryGetProperty("Responsible", out _) && errors.TryGetProperty("Year", out _));
        // A community is not a branch, and nothing of the bad request was kept.
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync("/api/v1/reviews/cultivation", Add(heping))).StatusCode);
        Assert.Equal(0, app.WithDb(db => db.CultivationTargets.Count(c => c.UnitId == listed)));

        foreach (var unit in new[] { listed, awarded, other })
            Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync("/api/v1/reviews/cultivation", Add(unit))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync("/api/v1/reviews/cultivation", Add(listed))).StatusCode);

        // Another community names nothing here and sees none of it.
        var neighbour = await app.ApiAs("secretary2");
        var neighbourCommunity = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "幸福社区党委").Id);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync("/api/v1/reviews/cultivation", Add(listed, by: neighbourCommunity))).StatusCode);
        Assert.DoesNotContain((await neighbour.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/cultivation?year={Year}")).EnumerateArray(),
            c => c.GetProperty("unitId").GetGuid() == listed);

        var mine = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/cultivation?year={Year}");
        var otherId = mine.EnumerateArray().Single(c => c.GetProperty("unitId").GetGuid() == other).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/reviews/cultivation/{otherId}/remove", new { reason = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/reviews/cultivation/{otherId}/remove", new { reason = "" })).StatusCode);
        var removed = await secretary.PostAsJsonAsync($"/api/v1/reviews/cultivation/{otherId}/remove", new { reason = "支部书记调离，班子调整中" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/api/v1/reviews/cultivation/{otherId}/remove", new { reason = "再移一次" })).StatusCode);
        // Kept in the history, with why.
        var row = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/cultivation?year={Year}")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == otherId);
        Assert.False(row.GetProperty("active").GetBoolean());
        Assert.Equal("支部书记调离，班子调整中", row.GetProperty("removalReason").GetString());

        // The district names one listed branch and one not listed a 五星支部.
        var unlisted = app.WithDb(db => db.Unit(db.OrgUnits.First(u => u.Id == heping), OrgKind.Branch, "未列入测试支部" + Guid.NewGuid().ToString("N")[..4]).Id);
        var streetApi = await app.ApiAs("street");
        foreach (var unit in new[] { awarded, unlisted })
            Assert.Equal(HttpStatusCode.OK, (await streetApi.PostAsJsonAsync($"/api/v1/reviews/units/{unit}/stars/award",
                new { programme = "FiveStar", level = 5, awardingBody = "中共青禾区委组织部", reason = "命名年度五星支部" })).StatusCode);
        var y = await streetApi.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/five-star/{Year}");
        var onList = y.GetProperty("awarded").EnumerateArray().ToDictionary(a => a.GetProperty("unitId").GetGuid(), a => a.GetProperty("onList").GetBoolean());
        Assert.True(onList[awarded]);
        Assert.False(onList[unlisted]);
        var notAwarded = y.GetProperty("listedNotAwarded").EnumerateArray().Select(c => c.GetProperty("unitId").GetGuid()).ToList();
        Assert.Contains(listed, notAwarded);
        Assert.DoesNotContain(other, notAwarded); // taken off the list
        Assert.DoesNotContain(awarded, notAwarded);
        Assert.Equal(HttpStatusCode.BadRequest, (await streetApi.GetAsync("/api/v1/reviews/five-star/1900")).StatusCode);

        var page = await (await app.PagesAs("street")).GetStringAsync($"/reviews/five-star?year={Year}");
        Assert.Contains("列入名单但未授予", page);
    }

    [Fact]
    public async Task The_list_page_adds_a_branch_and_shows_the_reason_it_was_taken_off()
    {
        var (_, _, listed, _, _) = Branches();
        var pages = await app.PagesAs("secretary");
        var url = $"/reviews/cultivation?handler=Add&year={Year}";
        var form = $"/reviews/cultivation?year={Year}";
        var post = await LianxinApp.PostFormAsync(pages, url, new() { ["Input.UnitId"] = listed.ToString(), ["Input.Reason"] = "", ["Input.Responsible"] = "网格党支部书记 赵强" }, form);
        Assert.Contains("请填写列入理由", await post.Content.ReadAsStringAsync());
        post = await LianxinApp.PostFormAsync(pages, url, new() { ["Input.UnitId"] = listed.ToString(), ["Input.Reason"] = "红色楼组做法成熟", ["Input.Responsible"] = "网格党支部书记 赵强" }, form);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var shown = await pages.GetStringAsync(form);
        Assert.Contains("红色楼组做法成熟", shown);
        Assert.Contains("网格党支部书记 赵强", shown);
    }
}
