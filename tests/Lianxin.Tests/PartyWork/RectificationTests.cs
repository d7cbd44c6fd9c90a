using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;

namespace Lianxin.Tests.PartyWork;

/// <summary>
/// 整顿提升: the street marks a branch with reasons, a helping leader and tasks; progress is recorded; the exit is refused while tasks are
/// open unless the street gives a reason, and the record stays; another community does not see it; bad input changes nothing.
/// </summary>
[Collection(AppCollection.Name)]
public class RectificationTests(LianxinApp app)
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    static object Plan(Guid unitId, params string[] tasks) => new
    {
        unitId, reasonCodes = new[] { "orglife_arrears", "weak_team" }, reasonNote = "主题党日连续三个月未开展。", helper = "街道党工委副书记 张明", startedOn = Today.AddDays(-30),
        tasks = tasks.Select((t, i) => new { title = t, dueOn = Today.AddDays(30 * (i + 1)) }),
    };

    [Fact]
    public async Task The_exit_is_refused_while_tasks_are_open_then_confirmed_and_the_record_is_kept()
    {
        var (branchId, _) = new CommitteesTests(app).Branch(0, 6);
        var street = await app.ApiAs("street");
        var created = await street.PostAsJsonAsync("/api/v1/partywork/rectifications", Plan(branchId, "恢复“三会一课”", "选优配强支部书记"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync("/api/v1/partywork/rectifications", Plan(branchId, "重复"))).StatusCode);

        async Task<JsonElement> Get() => await street.GetFromJsonAsync<JsonElement>($"/api/v1/partywork/rectifications/{id}");
        var detail = await Get();
        Assert.Equal("组织生活欠账（近一年欠 3 次及以上）；班子软弱涣散、凝聚力不强", detail.GetProperty("reasons").GetString());
        var tasks = detail.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();

        // The community's secretary records progress on the first task, with the task done.
        var grid = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/progress",
            new { taskId = tasks[0], on = Today, note = "补开主题党日，到会 7 人。", completesTask = true })).StatusCode);

        var refused = await street.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/exit", new { on = Today, version = (await Get()).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("尚有 1 项整顿任务未完成（选优配强支部书记），须填写验收意见说明理由方可销号。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(RectifyState.Open, app.WithDb(db => db.BranchRectifications.Single(r => r.Id == id).State));

        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/progress",
            new { taskId = tasks[1], on = Today, note = "党员大会补选书记。", completesTask = true })).StatusCode);
        var exit = await street.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/exit", new { on = Today, version = (await Get()).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);

        detail = await Get();
        Assert.Equal(("Exited", "已销号", 0, 2), (detail.GetProperty("state").GetString(), detail.GetProperty("stateName").GetString(),
            detail.GetProperty("openTasksAtExit").GetInt32(), detail.GetProperty("progress").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Conflict, (await grid.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/progress", new { on = Today, note = "再补一条" })).StatusCode);
        var list = await street.GetFromJsonAsync<JsonElement>("/api/v1/partywork/rectifications");
        Assert.Contains(list.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("state").GetString() == "Exited");
    }

    [Fact]
    public async Task With_a_reason_the_street_may_exit_a_plan_with_open_tasks_and_the_number_left_open_is_kept()
    {
        var (branchId, _) = new CommitteesTests(app).Branch(1, 1);
        var street = await app.ApiAs("street");
        var created = await (await street.PostAsJsonAsync("/api/v1/partywork/rectifications", Plan(branchId, "建强阵地", "规范党费收缴"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var figures = await street.GetFromJsonAsync<JsonElement>("/api/v1/partywork/rectifications");
        var open = figures.GetProperty("streets").EnumerateArray().Single().GetProperty("open").GetInt32();

        var exit = await street.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/exit",
            new { on = Today, note = "阵地已按标准建成，党费收缴纳入长效机制，同意销号。", version = created.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
        var row = app.WithDb(db => db.BranchRectifications.Single(r => r.Id == id));
        Assert.Equal((RectifyState.Exited, 2, "street"), (row.State, row.OpenTasksAtExit, row.ExitBy));
        figures = await street.GetFromJsonAsync<JsonElement>("/api/v1/partywork/rectifications");
        Assert.Equal(open - 1, figures.GetProperty("streets").EnumerateArray().Single().GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Another_community_does_not_find_the_plan_only_the_street_marks_and_bad_input_changes_nothing()
    {
        var (branchId, _) = new CommitteesTests(app).Branch(2, 2);
        var street = await app.ApiAs("street");
        int Count() => app.WithDb(db => db.BranchRectifications.Count() + db.RectificationTasks.Count());
        var before = Count();
        var bad = await street.PostAsJsonAsync("/api/v1/partywork/rectifications", new
        {
            unitId = branchId, reasonCodes = Array.Empty<string>(), helper = "", startedOn = Today,
            tasks = new[] { new { title = "恢复组织生活", dueOn = Today.AddDays(-5) } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请至少选择一项整顿原因。", errors.GetProperty("ReasonCodes")[0].GetString());
        Assert.Equal("请填写帮扶领导。", errors.GetProperty("Helper")[0].GetString());
        Assert.Equal("第 1 项：完成时限不能早于确定整顿的日期。", errors.GetProperty("Tasks[0].DueOn")[0].GetString());
        Assert.Equal(before, Count());

        // A community secretary does not decide rectification; the street does.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("secretary")).PostAsJsonAsync("/api/v1/partywork/rectifications", Plan(new CommitteesTests(app).Branch(0, 3).Id, "任务"))).StatusCode);
        var created = await street.PostAsJsonAsync("/api/v1/partywork/rectifications", Plan(branchId, "任务"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/partywork/rectifications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/partywork/rectifications/{id}/progress", new { on = Today, note = "越权" })).StatusCode);
        Assert.DoesNotContain((await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/partywork/rectifications")).GetProperty("rows").EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == id);
    }
}
