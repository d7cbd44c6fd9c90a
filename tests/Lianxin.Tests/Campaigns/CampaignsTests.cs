using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Campaigns;

/// <summary>A campaign from the street's set-up to inspections on the spot, rectifications, demands and pledges, and the progress per community.</summary>
[Collection(AppCollection.Name)]
public class CampaignsTests(LianxinApp app)
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    (Guid Golden, Guid Sunshine, Guid SunshineFirstBuilding, Guid Neighbour) Places() => app.WithDb(db =>
    {
        var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
        var xingfu = db.OrgUnits.Single(u => u.ShortName == "幸福社区党委");
        var sunshine = db.Compounds.Single(c => c.CommunityId == heping.Id && c.Name == "阳光花园").Id;
        return (db.Compounds.Single(c => c.CommunityId == heping.Id && c.Name == "金色家园").Id, sunshine,
            db.Buildings.Where(b => b.CompoundId == sunshine).OrderBy(b => b.Name).First().Id,
            db.Compounds.Where(c => c.CommunityId == xingfu.Id).OrderBy(c => c.Name).First().Id);
    });

    Guid Street() => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委").ParentId!.Value);

    async Task<Guid> RunningAsync(string title, Guid[] compounds, Guid[] buildings, DateOnly? startsOn = null)
    {
        var street = await app.ApiAs("street");
        var created = await street.PostAsJsonAsync("/api/v1/campaigns", new
        {
            streetId = Street(), title, kind = "EBikeCharging", startsOn = startsOn ?? Today.AddDays(-1), endsOn = Today.AddDays(30), rectifyDays = 7,
            items = new[] { "楼道、门厅无电动车停放", "无飞线充电、入户充电" }, compoundIds = compounds, buildingIds = buildings,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/campaigns/{id}/start", new { version = 0 })).StatusCode);
        return id;
    }

    static async Task<(Guid Place, Guid[] Items)> FormAsync(HttpClient api, Guid campaign, string place)
    {
        var form = await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/inspection-form");
        return (form.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("name").GetString() == place).GetProperty("id").GetGuid(),
            form.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray());
    }

    static Task<HttpResponseMessage> InspectAsync(HttpClient api, Guid campaign, Guid place, Guid[] items, params string?[] failNotes) =>
        api.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/inspections", new
        {
            placeId = place,
            answers = items.Select((item, i) => new { itemId = item, result = failNotes.ElementAtOrDefault(i) is null ? "Pass" : "Fail", note = failNotes.ElementAtOrDefault(i) }),
        });

    [Fact]
    public async Task A_failed_item_becomes_a_finding_with_a_task_that_is_done_then_verified_by_the_inspector_and_strangers_get_404()
    {
        var (golden, _, _, neighbour) = Places();
        var street = await app.ApiAs("street");
        var count = app.WithDb(db => db.Campaigns.Count());
        var bad = await street.PostAsJsonAsync("/api/v1/campaigns", new
        {
            streetId = Street(), title = "", kind = "FireSafety", startsOn = Today, endsOn = Today.AddDays(-3), items = new[] { " " }, compoundIds = Array.Empty<Guid>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var m in new[] { "请填写专项行动名称。", "结束日期须在开始日期之后", "请至少填写一项检查内容。", "请至少选择一个小区或楼栋。" }) Assert.Contains(m, body);
        Assert.Equal(count, app.WithDb(db => db.Campaigns.Count()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("staff")).PostAsJsonAsync("/api/v1/campaigns", new { streetId = Street(), title = "x" })).StatusCode);

        var campaign = await RunningAsync("楼道停车专项" + Guid.NewGuid().ToString("N")[..4], [golden, neighbour], []);
        var grid = await app.ApiAs("grid");
        var form = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/inspection-form");
        // The grid leader is offered only the compound of the grid, not the neighbouring community's.
        Assert.Equal(["金色家园"], form.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var (place, items) = await FormAsync(grid, campaign, "金色家园");

        var incomplete = await grid.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/inspections", new { placeId = place, answers = new[] { new { itemId = items[0], result = "Fail" } } });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("请逐项填写检查结果（还有 1 项未填）。", await incomplete.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.CampaignInspections.Count(i => i.CampaignId == campaign)));

        var saved = await InspectAsync(grid, campaign, place, items, "1号楼门厅停放电动车3辆");
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(1, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings").GetInt32());
        var detail = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}");
        var finding = detail.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal("楼道、门厅无电动车停放：1号楼门厅停放电动车3辆", finding.GetProperty("text").GetString());
        Assert.Equal("Open", finding.GetProperty("taskState").GetString());
        Assert.Equal(Today.AddDays(7).ToString("yyyy-MM-dd"), finding.GetProperty("dueOn").GetString());
        var findingId = finding.GetProperty("id").GetGuid();
        var taskId = finding.GetProperty("taskId").GetGuid();

        // Out of the neighbouring community's scope: 404 to read or to act; it sees the campaign but not this finding.
        var other = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/campaigns/findings/{findingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/done", new { note = "已经整改完毕", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await InspectAsync(other, campaign, place, items)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}")).GetProperty("findings").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/campaigns/findings/{findingId}")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await grid.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/done", new { note = "", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/assign",
            new { responsibleUnit = "金色家园物业管理处", dueOn = Today.AddDays(3), version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/done", new { note = "物业清理门厅，车辆移至北侧车棚", version = 1 })).StatusCode);
        // The community's staff neither found it nor is the street: not theirs to verify.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("staff")).PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/verify", new { pass = true, version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/verify", new { pass = true, version = 2 })).StatusCode);
        var task = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/findings/{findingId}");
        Assert.Equal("已验收", task.GetProperty("task").GetProperty("stateName").GetString());
        Assert.Equal("金色家园物业管理处", task.GetProperty("task").GetProperty("responsibleUnit").GetString());
    }

    [Fact]
    public async Task Outside_its_period_or_before_it_starts_a_campaign_takes_no_inspection()
    {
        var (golden, _, _, _) = Places();
        var campaign = await RunningAsync("下周开始的专项" + Guid.NewGuid().ToString("N")[..4], [golden], [], Today.AddDays(2));
        var grid = await app.ApiAs("grid");
        var (place, items) = await FormAsync(grid, campaign, "金色家园");
        var refused = await InspectAsync(grid, campaign, place, items);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("今天不在专项行动期间", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.CampaignInspections.Count(i => i.CampaignId == campaign)));
    }

    [Fact]
    public async Task A_finding_raises_a_demand_through_the_event_and_a_draft_pledge()
    {
        var (golden, _, _, _) = Places();
        var campaign = await RunningAsync("消火栓专项" + Guid.NewGuid().ToString("N")[..4], [golden], []);
        var grid = await app.ApiAs("grid");
        var (place, items) = await FormAsync(grid, campaign, "金色家园");
        Assert.Equal(HttpStatusCode.Created, (await InspectAsync(grid, campaign, place, items, null, "3号楼消火栓箱内水带缺失")).StatusCode);
        var findingId = app.WithDb(db => db.CampaignFindings.Single(f => f.CampaignId == campaign).Id);
        var finding = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/findings/{findingId}");
        var category = finding.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "设施维修").GetProperty("id").GetGuid();

        var bad = await grid.PostAsJsonAsync($"/api/v1/campaigns/findings/{findingId}/demand", new { categoryId = category, contactName = "王师傅", contactPhone = "12345", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("联系电话格式不正确", await bad.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.CampaignFindings.Single(f => f.Id == findingId).DemandRaisedAt));

        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/campaigns/findings/{findingId}/demand",
            new { categoryId = category, contactName = "王师傅", contactPhone = "13812345678", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await grid.PostAsJsonAsync($"/api/v1/campaigns/findings/{findingId}/demand",
            new { categoryId = category, contactName = "王师傅", contactPhone = "13812345678", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsJsonAsync($"/api/v1/campaigns/findings/{findingId}/pledge",
            new { title = "为金色家园配齐消防水带", responsiblePerson = "第一网格 支部书记", dueOn = Today.AddDays(20), version = 1 })).StatusCode);
        // Demands and Pledges learn of it through the events only.
        Assert.False(app.WithDb(db => db.Demands.Any(d => d.SourceRecordId == findingId)));
        await app.RunJobAsync<EventDispatchJob>();
        var demand = app.WithDb(db => db.Demands.Single(d => d.SourceRecordId == findingId));
        Assert.Equal(DemandSource.Campaign, demand.Source);
        Assert.Equal("设施维修", demand.CategoryName);
        Assert.Equal("金色家园：无飞线充电、入户充电：3号楼消火栓箱内水带缺失", demand.Description);
        Assert.True(app.WithDb(db => db.Pledges.Any(p => p.Title == "为金色家园配齐消防水带" && p.State == Lianxin.Web.Modules.Pledges.Domain.PledgeState.Draft)));
        var shown = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/findings/{findingId}");
        Assert.Equal(demand.TicketNo, shown.GetProperty("demand").GetProperty("ticketNo").GetString());
    }

    [Fact]
    public async Task Progress_counts_places_inspections_findings_and_tasks_per_community_for_what_the_caller_sees()
    {
        var (golden, _, building, neighbour) = Places();
        var campaign = await RunningAsync("进度统计专项" + Guid.NewGuid().ToString("N")[..4], [golden, neighbour], [building]);
        var grid = await app.ApiAs("grid");
        var compound = await app.ApiAs("compound");
        var (goldenPlace, items) = await FormAsync(grid, campaign, "金色家园");
        Assert.Equal(HttpStatusCode.Created, (await InspectAsync(grid, campaign, goldenPlace, items, "门厅停车")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await InspectAsync(grid, campaign, goldenPlace, items)).StatusCode);
        var (buildingPlace, _) = await FormAsync(compound, campaign, "阳光花园 1号楼");
        Assert.Equal(HttpStatusCode.Created, (await InspectAsync(compound, campaign, buildingPlace, items, "楼道停车", "飞线充电")).StatusCode);
        var tasks = app.WithDb(db => db.CampaignTasks.Where(t => t.CampaignId == campaign).OrderBy(t => t.OrgPath).ThenBy(t => t.Id).Select(t => t.Id).ToList());
        // One past its deadline (set behind the app's back), one reported done.
        app.WithDb(db => db.CampaignTasks.Where(t => t.Id == tasks[0]).ExecuteUpdate(s => s.SetProperty(t => t.DueOn, Today.AddDays(-1))));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("staff")).PostAsJsonAsync($"/api/v1/campaigns/tasks/{tasks[1]}/done", new { note = "已清理完毕", version = 0 })).StatusCode);

        var report = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/progress");
        int[] Row(JsonElement r) => new[] { "places", "inspected", "inspections", "findings", "tasksOpen", "tasksOverdue", "tasksDone", "tasksVerified" }.Select(k => r.GetProperty(k).GetInt32()).ToArray();
        var rows = report.GetProperty("communities").EnumerateArray().ToDictionary(r => r.GetProperty("community").GetString()!, Row);
        Assert.Equal([2, 2, 3, 3, 2, 1, 1, 0], rows["和平社区党委"]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0], rows["幸福社区党委"]);
        Assert.Equal([3, 2, 3, 3, 2, 1, 1, 0], Row(report.GetProperty("total")));
        // The community sees its own row only.
        var own = await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/progress");
        Assert.Equal(["和平社区党委"], own.GetProperty("communities").EnumerateArray().Select(r => r.GetProperty("community").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAs("street")).GetAsync($"/campaigns/{campaign}")).StatusCode);
    }
}
