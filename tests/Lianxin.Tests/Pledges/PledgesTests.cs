using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Pledges.Domain;

namespace Lianxin.Tests.Pledges;

[Collection(AppCollection.Name)]
public class PledgesTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_pledge_with_tasks_and_progress_shows_on_the_public_board_and_closes_with_residents_confirmation()
    {
        var heping = Unit("和平社区党委");
        var api = await app.ApiAs("secretary");
        var title = "修缮社区健身广场" + Guid.NewGuid().ToString("N")[..6];
        var bad = await api.PostAsJsonAsync("/api/v1/pledges", new { orgUnitId = heping, title, responsiblePerson = "", dueOn = Day(-1), startOn = Day(0), tasks = new[] { new { title = "", dueOn = Day(5) } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写责任人。", badBody);
        Assert.Contains("完成时限不能早于开始日期。", badBody);
        Assert.Contains("第 1 项任务请填写内容。", badBody);
        Assert.Equal(0, app.WithDb(db => db.Pledges.Count(p => p.Title == title)));

        var created = await api.PostAsJsonAsync("/api/v1/pledges", new
        {
            orgUnitId = heping, title, description = "更换破损器材，铺设塑胶地面。", owner = "Leader", responsiblePerson = "社区书记 陈建国",
            startOn = Day(-10), dueOn = Day(30), tasks = new[] { new { title = "采购器材", dueOn = Day(10) }, new { title = "铺设地面", dueOn = Day(25) } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();

        var back = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/progress", new { percent = 40, note = "器材已招标。", on = Day(0), version = 0 });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var lower = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/progress", new { percent = 30, note = "回退", version = (await Json(back)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, lower.StatusCode);
        Assert.Contains("进度不能低于当前的 40%。", await lower.Content.ReadAsStringAsync());

        // The public board (anonymous) lists it with its progress and the official's name, and nothing else personal.
        var anon = app.CreateClient();
        var board = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{heping}");
        var row = board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("title").GetString() == title);
        Assert.Equal(40, row.GetProperty("progress").GetInt32());
        Assert.Equal("OnTrack", row.GetProperty("status").GetString());
        Assert.Equal("社区书记 陈建国", row.GetProperty("responsiblePerson").GetString());
        Assert.Equal("器材已招标。", row.GetProperty("lastUpdate").GetString());
        Assert.DoesNotContain("secretary", board.GetRawText());
        var page = await anon.GetStringAsync($"/public/board/{heping}?status=OnTrack");
        Assert.Contains(title, page);
        Assert.Contains("40%", page);
        Assert.DoesNotContain(title, await anon.GetStringAsync($"/public/board/{heping}?status=Done"));
        var street = Unit("东湖街道党工委");
        Assert.Contains(title, await anon.GetStringAsync($"/public/board/{street}"));
        Assert.DoesNotContain(title, await anon.GetStringAsync($"/public/board/{Unit("幸福社区党委")}"));
        var gridBranch = app.WithDb(db => db.OrgUnits.First(u => u.ParentId == heping && u.Kind == Lianxin.Web.Modules.Organizations.Contracts.OrgKind.Branch).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/public/board/{gridBranch}")).StatusCode);

        // Closing needs 100%, every task done, and how residents confirmed it.
        var v = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/pledges/{id}")).GetProperty("version").GetInt32();
        var early = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/close", new { confirmation = "居民代表会议确认。", version = v });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var full = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/progress", new { percent = 100, note = "全部完工。", version = v });
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/pledges/{id}");
        var openTasks = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/close", new { confirmation = "居民代表会议确认。", version = detail.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, openTasks.StatusCode);
        Assert.Contains("还有未完成的任务", await openTasks.Content.ReadAsStringAsync());
        foreach (var t in detail.GetProperty("tasks").EnumerateArray())
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/pledges/{id}/tasks/{t.GetProperty("id").GetGuid()}/done", null)).StatusCode);
        var noConfirm = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/close", new { confirmation = "", version = detail.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, noConfirm.StatusCode);
        var closed = await api.PostAsJsonAsync($"/api/v1/pledges/{id}/close", new { confirmation = "居民代表会议确认，满意。", version = detail.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var after = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{heping}?status=Done");
        Assert.Contains(after.GetProperty("rows").EnumerateArray(), r => r.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task A_neighbouring_community_cannot_see_or_change_a_pledge()
    {
        var id = app.WithDb(db => db.Pledges.First(p => p.Title == "老旧小区加装电梯").Id);
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/pledges/{id}")).StatusCode);
        var r = await neighbour.PostAsJsonAsync($"/api/v1/pledges/{id}/progress", new { percent = 99, note = "越权", version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.NotEqual(99, app.WithDb(db => db.Pledges.First(p => p.Id == id).Progress));
        var list = await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/pledges");
        Assert.DoesNotContain(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_demo_board_colours_pledges_on_track_late_and_done_and_a_pledge_links_its_demand()
    {
        var heping = Unit("和平社区党委");
        var board = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{heping}");
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("OnTrack", rows.First(r => r.GetProperty("title").GetString() == "老旧小区加装电梯").GetProperty("status").GetString());
        Assert.Equal("Late", rows.First(r => r.GetProperty("title").GetString() == "小区门口占道摊位治理").GetProperty("status").GetString());
        Assert.Equal("Done", rows.First(r => r.GetProperty("title").GetString() == "长者食堂助餐服务").GetProperty("status").GetString());
        var id = app.WithDb(db => db.Pledges.First(p => p.Title == "小区门口占道摊位治理").Id);
        var detail = await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>($"/api/v1/pledges/{id}");
        Assert.Single(detail.GetProperty("demands").EnumerateArray());
        var page = await (await app.PagesAs("secretary")).GetStringAsync("/pledges");
        Assert.Contains("小区门口占道摊位治理", page);
        Assert.Contains("滞后", page);
    }
}
