using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Platform;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Reviews;

/// <summary>Rounds end to end through the API, on the shared demo database; each test builds its own units, panel and rubric.</summary>
[Collection(AppCollection.Name)]
public class ReviewsApiTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));
    Guid Street => Unit("东湖街道党工委").Id;

    async Task<Guid> NewCommunity(HttpClient street, string name)
    {
        var r = await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = Street, kind = "Community", branchKind = "None", name, shortName = name });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    async Task<(Guid Id, HttpClient Api)> NewReviewer(HttpClient street, string display)
    {
        var name = UsersApiTests.NewName("rv");
        var user = await UsersApiTests.CreateAsync(street, name, Role.Reviewer, Street, display);
        return (user.Id, await app.ApiAs(name, UsersApiTests.Password));
    }

    static object Rubric(string name) => new
    {
        ownerUnitId = Guid.Empty, name, purpose = "Quarterly",
        definition = new
        {
            sections = new[] { new { code = "A", title = "组织建设", weight = 1.0 }, new { code = "B", title = "服务群众", weight = 1.0 } },
            items = new object[]
            {
                new { code = "A1", section = "A", title = "班子健全、制度落实", type = "Scored", max = 60.0 },
                new { code = "B1", section = "B", title = "为民办实事", type = "Scored", max = 40.0 },
                new { code = "BX", section = "B", title = "创新做法", type = "Bonus", max = 5.0 },
            },
            bonusCap = 5.0, vetoEffect = "Zero",
            stars = new[] { new { level = 3, minScore = 80.0 }, new { level = 4, minScore = 90.0 } },
        },
    };

    async Task<Guid> CreateRubric(HttpClient street, string name)
    {
        var body = JsonSerializer.SerializeToElement(Rubric(name));
        var dict = JsonSerializer.Deserialize<Dictionary<string, object>>(body)!;
        dict["ownerUnitId"] = Street;
        var r = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", dict);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    async Task<Guid> CreateRound(HttpClient street, string name, Guid rubricId, Guid[] units, (Guid Id, string Role)[] panel, string aggregation = "Mean")
    {
        var r = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new
        {
            ownerUnitId = Street, name, rubricId, aggregation,
            units = units.Select(u => new { unitId = u }),
            panel = panel.Select(p => new { userId = p.Id, panelRole = p.Role }),
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    static async Task<int> Version(HttpClient api, Guid roundId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}")).GetProperty("version").GetInt32();

    static async Task Move(HttpClient api, Guid roundId, string verb, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}", new { version = await Version(api, roundId) });
        Assert.True(r.StatusCode == expected, $"{verb}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    static async Task<List<JsonElement>> MySheets(HttpClient api, Guid roundId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/mine?roundId={roundId}")).EnumerateArray().ToList();

    static async Task<HttpResponseMessage> Save(HttpClient api, JsonElement sheet, double a1, double b1, bool submit, string? comment = null) =>
        await api.PutAsJsonAsync($"/api/v1/reviews/sheets/{sheet.GetProperty("id").GetGuid()}", new
        {
            entries = new Dictionary<string, object> { ["A1"] = new { value = a1, note = "现场查看台账" }, ["B1"] = new { value = b1 } },
            comment, version = sheet.GetProperty("version").GetInt32(), submit,
        });

    [Fact]
    public async Task A_full_round_from_draft_to_published_with_three_reviewers_and_four_units()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var units = new[] { await NewCommunity(street, $"甲{tag}社区"), await NewCommunity(street, $"乙{tag}社区"), await NewCommunity(street, $"丙{tag}社区"), await NewCommunity(street, $"丁{tag}社区") };
        var r1 = await NewReviewer(street, "评委 一");
        var r2 = await NewReviewer(street, "评委 二");
        var r3 = await NewReviewer(street, "评委 三");
        var rubricId = await CreateRubric(street, $"季度观摩细则{tag}");
        var roundId = await CreateRound(street, $"2026年第二季度党建观摩{tag}", rubricId, units, [(r1.Id, "组长"), (r2.Id, "评委"), (r3.Id, "评委")]);

        // Draft: no sheets yet, and publishing now is refused.
        Assert.Empty(await MySheets(r1.Api, roundId));
        await Move(street, roundId, "publish", HttpStatusCode.Conflict);
        await Move(street, roundId, "open");

        // The rubric is now frozen: editing it makes version 2 and leaves version 1 as the round uses it.
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(JsonSerializer.SerializeToElement(Rubric("季度观摩细则（修订）")))!;
        body["ownerUnitId"] = Street;
        var edit = await Json(await street.PutAsJsonAsync($"/api/v1/reviews/rubrics/{rubricId}", body));
        Assert.True(edit.GetProperty("newVersion").GetBoolean());
        Assert.Equal(2, edit.GetProperty("versionNo").GetInt32());
        Assert.NotEqual(rubricId, edit.GetProperty("id").GetGuid());
        var detail = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}");
        Assert.Equal(1, detail.GetProperty("rubricVersion").GetInt32());
        Assert.Equal($"季度观摩细则{tag}", detail.GetProperty("rubricName").GetString());

        // A score out of bounds is refused with the item's name and changes nothing.
        var first = (await MySheets(r1.Api, roundId)).First();
        var bad = await Save(r1.Api, first, 61, 30, false);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("“班子健全、制度落实”的得分须在 0 到 60 之间。", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, (await MySheets(r1.Api, roundId)).First().GetProperty("total").GetDouble());

        // Everybody scores: 甲 90, 乙 85, 丙 85 (tie), 丁 70.
        var plan = new Dictionary<Guid, (double A1, double B1)> { [units[0]] = (55, 35), [units[1]] = (50, 35), [units[2]] = (45, 40), [units[3]] = (40, 30) };
        foreach (var reviewer in new[] { r1, r2, r3 })
        {
            var sheets = await MySheets(reviewer.Api, roundId);
            Assert.Equal(4, sheets.Count);
            foreach (var s in sheets)
            {
                var (a1, b1) = plan[s.GetProperty("unitId").GetGuid()];
                var saved = await Save(reviewer.Api, s, a1, b1, submit: true, comment: "阵地规范，特色鲜明。");
                Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            }
        }

        // A submitted sheet is locked.
        var locked = (await MySheets(r1.Api, roundId)).First();
        Assert.Equal("Submitted", locked.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Save(r1.Api, locked, 10, 10, false)).StatusCode);

        // Panel members see nothing of the results before publishing.
        Assert.Equal(HttpStatusCode.Conflict, (await r2.Api.GetAsync($"/api/v1/reviews/rounds/{roundId}/results")).StatusCode);
        await Move(street, roundId, "close");
        await Move(street, roundId, "publish");

        var results = await r2.Api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}/results");
        var rows = results.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetGuid());
        Assert.Equal(90, rows[units[0]].GetProperty("total").GetDouble());
        Assert.Equal(new[] { 1, 2, 2, 4 }, units.Select(u => rows[u].GetProperty("rank").GetInt32()));
        Assert.Equal(35, rows[units[1]].GetProperty("sections").GetProperty("B").GetDouble());
        Assert.Equal(3, rows[units[0]].GetProperty("comments").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, results.GetProperty("consistency").ValueKind); // coordinator only
        var xlsx = await street.GetAsync($"/api/v1/reviews/rounds/{roundId}/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var forStreet = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}/results");
        Assert.All(forStreet.GetProperty("consistency").EnumerateArray(), c => Assert.False(c.GetProperty("flagged").GetBoolean()));

        // Stars follow the result: 甲 earns 4 stars, 乙 and 丙 3, 丁 none.
        async Task<int> Stars(Guid unit) => (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{unit}/stars")).GetProperty("level").GetInt32();
        var levels = new List<int>(); foreach (var u in units) levels.Add(await Stars(u));
        Assert.Equal(new[] { 4, 3, 3, 0 }, levels);

        // After publishing, scores change only by a recorded amendment with a reason; results and stars follow.
        var sheetOfA = app.WithDb(db => db.ScoreSheets.First(s => s.RoundId == roundId && s.UnitId == units[0] && s.ReviewerId == r1.Id).Id);
        Assert.Equal(HttpStatusCode.Conflict, (await Save(r1.Api, (await MySheets(r1.Api, roundId)).First(s => s.GetProperty("id").GetGuid() == sheetOfA), 1, 1, false)).StatusCode);
        var noReason = await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/amendments", new { sheetId = sheetOfA, itemCode = "A1", value = 40 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写更正原因。", await noReason.Content.ReadAsStringAsync());
        var amended = await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/amendments", new { sheetId = sheetOfA, itemCode = "A1", value = 40, reason = "评委录入错误，经核对原始记录更正" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var after = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}/results")).GetProperty("units").EnumerateArray().First(u => u.GetProperty("unitId").GetGuid() == units[0]);
        Assert.Equal(85, after.GetProperty("total").GetDouble());
        Assert.Equal(1, after.GetProperty("rank").GetInt32()); // now tied with 乙 and 丙
        var stars = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{units[0]}/stars");
        Assert.Equal(3, stars.GetProperty("level").GetInt32());
        Assert.Equal("Lowered", stars.GetProperty("history")[0].GetProperty("change").GetString());
        Assert.Equal(2, stars.GetProperty("history").GetArrayLength());
        Assert.Single((await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}/amendments")).EnumerateArray());

        // Manual removal needs a reason.
        Assert.Equal(HttpStatusCode.BadRequest, (await street.PostAsJsonAsync($"/api/v1/reviews/units/{units[1]}/stars/remove", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/units/{units[1]}/stars/remove", new { reason = "发生违纪问题，摘牌" })).StatusCode);
        Assert.Equal(0, await Stars(units[1]));
    }

    [Fact]
    public async Task Two_tabs_saving_the_same_sheet_version_the_second_gets_409_and_nothing_is_lost()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = await NewCommunity(street, $"并发{tag}社区");
        var rv = await NewReviewer(street, "评委 并发");
        var roundId = await CreateRound(street, $"并发测试{tag}", await CreateRubric(street, $"并发细则{tag}"), [unit], [(rv.Id, "评委")]);
        await Move(street, roundId, "open");

        var sheet = (await MySheets(rv.Api, roundId)).Single();
        var tab1 = await Save(rv.Api, sheet, 50, 30, false);
        var tab2 = await Save(rv.Api, sheet, 20, 10, false);
        Assert.Equal(HttpStatusCode.OK, tab1.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tab2.StatusCode);
        Assert.Contains("该记录已被他人修改，请刷新后重试。", await tab2.Content.ReadAsStringAsync());

        var now = await rv.Api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/{sheet.GetProperty("id").GetGuid()}");
        Assert.Equal(50, now.GetProperty("entries").GetProperty("A1").GetProperty("value").GetDouble());
        Assert.Equal(80, now.GetProperty("result").GetProperty("total").GetDouble());
        Assert.Equal(sheet.GetProperty("version").GetInt32() + 1, now.GetProperty("version").GetInt32());

        // Submitting requires every scored item; the coordinator reopens a submitted sheet with a reason.
        var refreshed = (await MySheets(rv.Api, roundId)).Single();
        Assert.Equal(HttpStatusCode.OK, (await Save(rv.Api, refreshed, 50, 30, true)).StatusCode);
        var sheetId = sheet.GetProperty("id").GetGuid();
        var v = (await MySheets(rv.Api, roundId)).Single().GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await rv.Api.PostAsJsonAsync($"/api/v1/reviews/sheets/{sheetId}/reopen", new { reason = "自己退回", version = v })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.PostAsJsonAsync($"/api/v1/reviews/sheets/{sheetId}/reopen", new { reason = "", version = v })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/sheets/{sheetId}/reopen", new { reason = "漏评一项，退回补充", version = v })).StatusCode);
        Assert.Equal("Draft", (await MySheets(rv.Api, roundId)).Single().GetProperty("state").GetString());
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == sheetId.ToString() && a.After!.Contains("漏评一项"))));
    }

    [Fact]
    public async Task Open_rectifications_of_the_last_round_are_listed_at_the_next_visit_until_verified()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = await NewCommunity(street, $"整改{tag}社区");
        var rv = await NewReviewer(street, "评委 整改");
        var rubricId = await CreateRubric(street, $"整改细则{tag}");
        var first = await CreateRound(street, $"第一季度观摩{tag}", rubricId, [unit], [(rv.Id, "评委")]);

        var early = await rv.Api.PostAsJsonAsync($"/api/v1/reviews/rounds/{first}/findings", new { unitId = unit, description = "党群服务中心开放时间未公示", owner = "社区书记", deadline = DateTime.UtcNow.AddDays(30) });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // not before the round opens
        await Move(street, first, "open");
        var noOwner = await rv.Api.PostAsJsonAsync($"/api/v1/reviews/rounds/{first}/findings", new { unitId = unit, description = "党群服务中心开放时间未公示", deadline = DateTime.UtcNow.AddDays(30) });
        Assert.Equal(HttpStatusCode.BadRequest, noOwner.StatusCode);
        Assert.Contains("请填写整改责任人。", await noOwner.Content.ReadAsStringAsync());
        var made = await Json(await rv.Api.PostAsJsonAsync($"/api/v1/reviews/rounds/{first}/findings", new { unitId = unit, itemCode = "A1", description = "党群服务中心开放时间未公示", owner = "社区书记", deadline = DateTime.UtcNow.AddDays(30) }));
        var rectId = made.GetProperty("id").GetGuid();
        Assert.Equal("Open", made.GetProperty("state").GetString());
        Assert.False(made.GetProperty("overdue").GetBoolean());

        var second = await CreateRound(street, $"第二季度观摩{tag}", rubricId, [unit], [(rv.Id, "评委")]);
        var carried = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{second}")).GetProperty("carried");
        var item = Assert.Single(carried.EnumerateArray());
        Assert.Equal(rectId, item.GetProperty("id").GetGuid());
        Assert.Equal($"第一季度观摩{tag}", item.GetProperty("fromRound").GetString());
        await Move(street, second, "open");
        var sheet = (await MySheets(rv.Api, second)).Single();
        var onSheet = await rv.Api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/{sheet.GetProperty("id").GetGuid()}");
        Assert.Single(onSheet.GetProperty("carried").EnumerateArray());

        // The unit hands in evidence, the street verifies; then it no longer carries forward.
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync($"/api/v1/reviews/rectifications/{rectId}", new { state = "Verified", version = 0 })).StatusCode);
        var noEvidence = await street.PostAsJsonAsync($"/api/v1/reviews/rectifications/{rectId}", new { state = "Submitted", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rectifications/{rectId}", new { state = "Submitted", evidence = "已在门口公示开放时间", version = 0 })).StatusCode);
        Assert.Single((await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{second}")).GetProperty("carried").EnumerateArray()); // submitted is not yet verified
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rectifications/{rectId}", new { state = "Verified", version = 1 })).StatusCode);
        Assert.Empty((await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{second}")).GetProperty("carried").EnumerateArray());
    }

    [Fact]
    public async Task Reviewers_see_only_their_rounds_and_units_only_their_own_published_results()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var heping = Unit("和平社区党委");
        var xingfu = Unit("幸福社区党委");
        var rv = await NewReviewer(street, "评委 范围");
        var roundId = await CreateRound(street, $"范围测试{tag}", await CreateRubric(street, $"范围细则{tag}"), [heping.Id, xingfu.Id], [(rv.Id, "评委")]);

        var outsider = await app.ApiAs("reviewer");   // a reviewer at the same street, not on this panel
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/reviews/rounds/{roundId}")).StatusCode);
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/reviews/rounds")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == roundId);
        Assert.Contains((await rv.Api.GetFromJsonAsync<JsonElement>("/api/v1/reviews/rounds")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == roundId);
        Assert.Equal(HttpStatusCode.Forbidden, (await rv.Api.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/open", new { version = 0 })).StatusCode);
        var secretary = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/reviews/rounds/{roundId}")).StatusCode);

        await Move(street, roundId, "open");
        var sheets = await MySheets(rv.Api, roundId);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/reviews/sheets/{sheets[0].GetProperty("id").GetGuid()}")).StatusCode);
        foreach (var s in sheets) Assert.Equal(HttpStatusCode.OK, (await Save(rv.Api, s, 50, 30, true)).StatusCode);
        await rv.Api.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/findings", new { unitId = xingfu.Id, description = "宣传栏内容陈旧", owner = "幸福社区", deadline = DateTime.UtcNow.AddDays(10) });

        Assert.DoesNotContain((await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{heping.Id}/results")).EnumerateArray(), r => r.GetProperty("roundId").GetGuid() == roundId);
        await Move(street, roundId, "close");
        await Move(street, roundId, "publish");
        var own = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{heping.Id}/results");
        var mine = Assert.Single(own.EnumerateArray(), r => r.GetProperty("roundId").GetGuid() == roundId);
        Assert.Equal(80, mine.GetProperty("total").GetDouble());
        Assert.Equal(1, mine.GetProperty("rank").GetInt32());
        Assert.Equal(2, mine.GetProperty("units").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/reviews/units/{xingfu.Id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/reviews/rounds/{roundId}/results")).StatusCode);

        // The neighbour's rectification is invisible to 和平, visible to 幸福 and the street.
        Assert.DoesNotContain((await secretary.GetFromJsonAsync<JsonElement>("/api/v1/reviews/rectifications")).EnumerateArray(), r => r.GetProperty("roundId").GetGuid() == roundId);
        Assert.Single((await (await app.ApiAs("secretary2")).GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rectifications?roundId={roundId}")).EnumerateArray());
        Assert.Single((await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rectifications?roundId={roundId}")).EnumerateArray());
    }
}
