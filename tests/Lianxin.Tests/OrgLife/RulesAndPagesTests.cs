using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class RulesAndPagesTests(LianxinApp app)
{
    static object[] Rules(Func<MeetingRule, (int Period, int Min)> change) =>
        RuleBook.Defaults().Select(r => (object)new { unitKind = r.UnitKind.ToString(), kind = r.Kind.ToString(), periodMonths = change(r).Period, minCount = change(r).Min }).ToArray();

    [Fact]
    public async Task The_district_sets_the_rules_bad_ones_are_refused_and_the_arrears_follow_them()
    {
        var branch = app.NewBranch();
        var admin = await app.ApiAs("admin");
        var defaults = await admin.GetFromJsonAsync<JsonElement>("/api/v1/orglife/rules");
        Assert.Contains(defaults.GetProperty("rules").EnumerateArray(), r => r.GetProperty("unitKind").GetString() == "Grid"
            && r.GetProperty("kind").GetString() == "BranchAssembly" && r.GetProperty("periodName").GetString() == "每季度");
        Assert.Equal(["重温入党誓词", "集中学习", "交纳党费", "志愿服务"], defaults.GetProperty("partyDayItems").EnumerateArray().Select(x => x.GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("street")).PutAsJsonAsync("/api/v1/orglife/rules", new { rules = Rules(r => (r.PeriodMonths, r.MinCount)), lateEntryDays = 7, partyDayItems = "学习" })).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/v1/orglife/rules", new { rules = Rules(r => (r.Kind == MeetingKind.PartyLecture ? 2 : r.PeriodMonths, r.MinCount)), lateEntryDays = 400, partyDayItems = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("网格党支部的党课的周期只能是每月、每季度、每半年或每年。", body);
        Assert.Contains("补录期限须在 0–365 天之间。", body);
        Assert.Contains("请至少填写一项主题党日规定动作。", body);

        try
        {
            // Only 主题党日 is required, twice a month: a branch with one in January owes one for January.
            var saved = await admin.PutAsJsonAsync("/api/v1/orglife/rules", new { rules = Rules(r => r.Kind == MeetingKind.PartyDay ? (1, 2) : (0, 0)), lateEntryDays = 3, partyDayItems = "重温入党誓词\n集中学习" });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.False((await Json(saved)).GetProperty("defaults").GetBoolean());
            app.WithDb(db => db.Meeting(branch, MeetingKind.PartyDay, new DateOnly(2026, 1, 15)));
            var b = (await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/orglife/arrears?unitId={branch.Id}&from=2026-01-01&to=2026-01-31")).GetProperty("branches")[0];
            Assert.Equal((2, 1), (b.GetProperty("required").GetInt32(), b.GetProperty("credited").GetInt32()));
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/orglife/rules", new { rules = Rules(r => (r.PeriodMonths, r.MinCount)), lateEntryDays = RuleBook.DefaultLateEntryDays, partyDayItems = string.Join("\n", RuleBook.DefaultPartyDayItems) });
        }
    }

    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_grid_secretary_records_a_meeting_on_the_pages_and_the_street_reads_the_demo_arrears()
    {
        var grid = await app.PagesAs("grid");
        var list = await grid.GetStringAsync("/orglife");
        Assert.Contains("登记会议", list);
        var branchId = app.WithDb(db => db.RoleGrants.Single(g => g.UserId == db.Users.Single(u => u.UserName == "grid").Id).OrgUnitId);

        var bad = await LianxinApp.PostFormAsync(grid, "/orglife/new", new() { ["Input.BranchId"] = branchId.ToString(), ["Input.Kind"] = "PartyDay", ["Input.Date"] = "2026-11-15",
            ["Input.StartTime"] = "09:00", ["Input.EndTime"] = "08:00", ["Input.Place"] = "", ["Input.Host"] = "书记", ["Input.Topic"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("结束时间须晚于开始时间。", html);
        Assert.Contains("请填写会议主题。", html);

        var topic = "页面登记的主题党日" + Guid.NewGuid().ToString("N")[..4];
        var ok = await LianxinApp.PostFormAsync(grid, "/orglife/new", new() { ["Input.BranchId"] = branchId.ToString(), ["Input.Kind"] = "PartyDay", ["Input.Mode"] = "OnSite",
            ["Input.Date"] = "2026-11-15", ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "15:00", ["Input.Place"] = "党群服务中心", ["Input.Host"] = "书记", ["Input.Topic"] = topic,
            ["Input.PartyDayItems"] = "重温入党誓词" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.EndsWith("/attendance", ok.Headers.Location!.ToString());
        var sheet = await grid.GetStringAsync(ok.Headers.Location!.ToString());
        Assert.Contains("当日在册党员", sheet);

        var street = await app.PagesAs("street");
        var arrears = await street.GetStringAsync("/orglife/arrears");
        Assert.Contains("组织生活欠账", arrears);
        Assert.Contains("欠", arrears); // the demo year has gaps
        Assert.Contains("/account/access-denied", (await street.GetAsync("/orglife/new")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await grid.GetAsync("/orglife/feeds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync("/orglife/rules")).StatusCode);
    }
}
