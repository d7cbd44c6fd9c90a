using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Platform;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Reviews;

/// <summary>The street's 逐一点评 with the visit's 汇报, 下步工作计划 and 表态, and a unit's trend across rounds.</summary>
[Collection(AppCollection.Name)]
public class UnitRemarksTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    Guid Street => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);

    async Task<Guid> NewCommunity(HttpClient street, string name)
    {
        var r = await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = Street, kind = "Community", branchKind = "None", name, shortName = name });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    async Task<(Guid Id, HttpClient Api)> NewUser(HttpClient creator, Role role, Guid unit, string display)
    {
        var name = UsersApiTests.NewName("rm");
        var user = await UsersApiTests.CreateAsync(creator, name, role, unit, display);
        return (user.Id, await app.ApiAs(name, UsersApiTests.Password));
    }

    async Task<Guid> Rubric(HttpClient street, string name)
    {
        var r = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", new
        {
            ownerUnitId = Street, name, purpose = "Quarterly",
            definition = new
            {
                sections = new[] { new { code = "A", title = "组织建设", weight = 1.0 } },
                items = new object[] { new { code = "A1", section = "A", title = "班子健全、制度落实", type = "Scored", max = 100.0 } },
                bonusCap = 0.0, vetoEffect = "Zero", stars = Array.Empty<object>(),
            },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    async Task<Guid> OpenRound(HttpClient street, string name, Guid rubricId, Guid[] units, Guid reviewer)
    {
        var r = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new
        {
            ownerUnitId = Street, name, rubricId, aggregation = "Mean",
            units = units.Select(u => new { unitId = u }), panel = new[] { new { userId = reviewer, panelRole = "评委" } },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await Json(r)).GetProperty("id").GetGuid();
        await Move(street, id, "open");
        return id;
    }

    static async Task Move(HttpClient street, Guid roundId, string verb)
    {
        var version = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}")).GetProperty("version").GetInt32();
        var r = await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}", new { version });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{verb}: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>The reviewer scores each unit (A1 = the given total) with a note, submits, and the street closes and publishes.</summary>
    static async Task ScoreAndPublish(HttpClient street, HttpClient reviewer, Guid roundId, Dictionary<Guid, double> totals)
    {
        foreach (var s in (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/mine?roundId={roundId}")).EnumerateArray())
        {
            var saved = await reviewer.PutAsJsonAsync($"/api/v1/reviews/sheets/{s.GetProperty("id").GetGuid()}", new
            {
                entries = new Dictionary<string, object> { ["A1"] = new { value = totals[s.GetProperty("unitId").GetGuid()] } },
                comment = "评委个人意见：台账齐全。", version = s.GetProperty("version").GetInt32(), submit = true,
            });
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        await Move(street, roundId, "close");
        await Move(street, roundId, "publish");
    }

    static Task<HttpResponseMessage> Remark(HttpClient api, Guid roundId, Guid unitId, int version, string comment) =>
        api.PutAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/units/{unitId}/remark", new
        {
            report = "书记汇报：今年完成阵地改造，建立红色物业。", nextSteps = "下季度推进老旧小区加装电梯。", commitment = "确保年底前完成整改。", comment, version,
        });

    [Fact]
    public async Task The_coordinator_writes_one_official_comment_per_unit_reviewers_may_not_and_units_read_it_once_published()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = await NewCommunity(street, $"点评{tag}社区");
        var other = await NewCommunity(street, $"对照{tag}社区");
        var reviewer = await NewUser(street, Role.Reviewer, Street, "评委 点评");
        var round = await OpenRound(street, $"点评测试{tag}", await Rubric(street, $"点评细则{tag}"), [unit, other], reviewer.Id);

        // Reviewers keep their own notes on their sheets; the street's 点评 is not theirs to write.
        Assert.Equal(HttpStatusCode.Forbidden, (await Remark(reviewer.Api, round, unit, 0, "评委越权点评")).StatusCode);
        // Another community's secretary does not see the round at all.
        Assert.Equal(HttpStatusCode.NotFound, (await Remark(await app.ApiAs("secretary2"), round, unit, 0, "越权")).StatusCode);
        // A unit that is not in the round is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await Remark(street, round, Street, 0, "不在本轮")).StatusCode);
        var tooLong = await street.PutAsJsonAsync($"/api/v1/reviews/rounds/{round}/units/{unit}/remark", new { comment = new string('评', 2001), version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(0, app.WithDb(db => db.UnitRemarks.Count(r => r.RoundId == round)));

        var first = await Remark(street, round, unit, 0, "阵地建设扎实，红色物业有特色。");
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var v = (await Json(first)).GetProperty("version").GetInt32();
        var second = await Remark(street, round, unit, v, "阵地建设扎实，红色物业有特色；加装电梯要抓紧。");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // A second tab saving over the version it loaded loses nothing silently.
        var stale = await Remark(street, round, unit, v, "旧页面的点评");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stored = app.WithDb(db => db.UnitRemarks.Single(r => r.RoundId == round && r.UnitId == unit));
        Assert.Equal("阵地建设扎实，红色物业有特色；加装电梯要抓紧。", stored.Comment);
        Assert.True(app.WithDb(db => db.AuditEntries.Count(e => e.Entity == "UnitRemark" && e.UserName == "street" && e.EntityId == stored.Id.ToString())) >= 2);

        // The round results carry the street's 点评 beside the reviewers' notes; the workbook too.
        var results = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{round}/results");
        var row = results.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == unit);
        Assert.Equal("确保年底前完成整改。", row.GetProperty("remark").GetProperty("commitment").GetString());
        Assert.Equal("下季度推进老旧小区加装电梯。", row.GetProperty("remark").GetProperty("nextSteps").GetString());
        var page = await (await app.PagesAs("street")).GetStringAsync($"/reviews/rounds/{round}/results");
        Assert.Contains("逐一点评", page);
        Assert.Contains("保存点评", page);

        await ScoreAndPublish(street, reviewer.Api, round, new() { [unit] = 88, [other] = 80 });
        Assert.Equal(HttpStatusCode.Conflict, (await Remark(street, round, unit, v + 1, "发布后再改")).StatusCode);

        var xlsx = await street.GetAsync($"/api/v1/reviews/rounds/{round}/results.xlsx");
        var sheet = Xlsx.ReadRaw(await xlsx.Content.ReadAsStreamAsync(), "排名")["排名"];
        var header = sheet.First(r => r.Cells.Contains("街道点评"));
        Assert.Contains("评委备注", header.Cells);
        var line = sheet.First(r => r.Cells.Contains($"点评{tag}社区"));
        Assert.Equal("阵地建设扎实，红色物业有特色；加装电梯要抓紧。", line[header.Cells.ToList().IndexOf("街道点评")]);
        Assert.Equal("书记汇报：今年完成阵地改造，建立红色物业。", line[header.Cells.ToList().IndexOf("汇报")]);
        Assert.Contains("台账齐全", line[header.Cells.ToList().IndexOf("评委备注")]);

        // The unit's own secretary reads it on the unit's results, API and page.
        var secretary = await NewUser(street, Role.CommunitySecretary, unit, "点评社区 书记");
        var own = await secretary.Api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{unit}/results");
        Assert.Equal("阵地建设扎实，红色物业有特色；加装电梯要抓紧。", own[0].GetProperty("remark").GetProperty("comment").GetString());
        var ownPage = await (await app.PagesAs("street")).GetStringAsync($"/reviews/units/{unit}/stars");
        Assert.Contains("阵地建设扎实", ownPage);
        Assert.Contains("确保年底前完成整改。", ownPage);
    }

    [Fact]
    public async Task A_units_trend_lists_its_total_per_published_round_beside_the_street_average()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = await NewCommunity(street, $"走势{tag}社区");
        var other = await NewCommunity(street, $"走势对照{tag}社区");
        var reviewer = await NewUser(street, Role.Reviewer, Street, "评委 走势");
        var rubric = await Rubric(street, $"走势细则{tag}");

        var q1 = await OpenRound(street, $"一季度观摩{tag}", rubric, [unit, other], reviewer.Id);
        await ScoreAndPublish(street, reviewer.Api, q1, new() { [unit] = 80, [other] = 70 });
        var one = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{unit}/trend");
        Assert.Single(one.GetProperty("points").EnumerateArray());
        Assert.False(one.GetProperty("enough").GetBoolean());
        Assert.Contains("参加两轮以上观摩后显示走势。", await (await app.PagesAs("street")).GetStringAsync($"/reviews/units/{unit}/stars"));

        var q2 = await OpenRound(street, $"二季度观摩{tag}", rubric, [unit, other], reviewer.Id);
        await ScoreAndPublish(street, reviewer.Api, q2, new() { [unit] = 90, [other] = 86 });
        var trend = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{unit}/trend");
        Assert.True(trend.GetProperty("enough").GetBoolean());
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([$"一季度观摩{tag}", $"二季度观摩{tag}"], points.Select(p => p.GetProperty("roundName").GetString()));
        Assert.Equal([80.0, 90.0], points.Select(p => p.GetProperty("total").GetDouble()));
        Assert.Equal([75.0, 88.0], points.Select(p => p.GetProperty("streetAverage").GetDouble()));
        var page = await (await app.PagesAs("street")).GetStringAsync($"/reviews/units/{unit}/stars");
        Assert.Contains("id=\"trendChart\"", page);
        Assert.Contains("reviews-trend.js", page);

        // Out of scope: another community's secretary gets 404 for the unit.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/reviews/units/{unit}/trend")).StatusCode);
    }
}
