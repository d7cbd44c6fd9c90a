using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.OrgLife;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Tests.Reviews;

/// <summary>A rubric item can take its score from a catalogued indicator for the round's period: full marks at a threshold, proportional below.</summary>
[Collection(AppCollection.Name)]
public class RubricIndicatorTests(LianxinApp app)
{
    [Theory]
    [InlineData(95, 10)]
    [InlineData(90, 10)]
    [InlineData(45, 5)]
    [InlineData(81, 9)]
    [InlineData(0, 0)]
    public void Full_marks_at_the_threshold_and_proportionally_less_below(double figure, double points) =>
        Assert.Equal(points, ScoreRules.FromIndicator(10, (decimal)figure, 90));

    [Fact]
    public void No_figure_for_the_period_scores_nothing() => Assert.Equal(0, ScoreRules.FromIndicator(10, null, 90));

    static object Rubric(Guid owner, string name, params object[] extraItems) => new
    {
        ownerUnitId = owner, name, purpose = "Quarterly",
        definition = new
        {
            sections = new[] { new { code = "A", title = "组织生活", weight = 1.0 } },
            items = new object[] { new { code = "A1", section = "A", title = "阵地建设", type = "Scored", max = 70.0 } }.Concat(extraItems).ToArray(),
            bonusCap = 0.0, vetoEffect = "Zero",
        },
    };

    [Fact]
    public async Task A_reviewer_sees_the_score_read_from_the_indicator_and_cannot_override_it()
    {
        var street = await app.ApiAs("street");
        var streetId = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
        var tag = Guid.NewGuid().ToString("N")[..4];
        var communityId = (await (await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = streetId, kind = "Community", branchKind = "None", name = $"取数{tag}社区", shortName = $"取数{tag}社区" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var today = TimeProvider.System.Today();
        app.WithDb(db =>
        {
            var branch = db.Unit(db.OrgUnits.Single(u => u.Id == communityId), OrgKind.Branch, $"取数{tag}支部", BranchKind.Grid);
            db.Meeting(branch, MeetingKind.PartyDay, today.AddDays(-10));
            db.Meeting(branch, MeetingKind.BranchCommittee, today.AddDays(-20));
            return 0;
        });
        var rubric = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", Rubric(streetId, $"取数细则{tag}",
            new { code = "M1", section = "A", title = "三会一课记录完整", type = "Scored", max = 10.0, indicator = "orglife.meetings_held", fullAt = 4.0 },
            new { code = "M2", section = "A", title = "按期开展组织生活", type = "Scored", max = 20.0, indicator = "orglife.meetings_held", fullAt = 2.0 }));
        Assert.True(rubric.StatusCode == HttpStatusCode.Created, await rubric.Content.ReadAsStringAsync());
        var rubricId = (await rubric.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reviewerId = app.WithDb(db => db.Users.First(u => u.UserName == "reviewer").Id);
        var round = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new { ownerUnitId = streetId, name = $"取数观摩{tag}", rubricId, units = new[] { new { unitId = communityId } }, panel = new[] { new { userId = reviewerId } } });
        var roundId = (await round.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await RoundSetup.MoveAsync(app, roundId, "open");
        var sheetId = app.WithDb(db => db.ScoreSheets.First(s => s.RoundId == roundId).Id);

        var reviewer = await app.ApiAs("reviewer");
        var sheet = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/{sheetId}");
        var m1 = sheet.GetProperty("computed").GetProperty("M1");
        Assert.Equal((2m, "2", 5.0), (m1.GetProperty("figure").GetDecimal(), m1.GetProperty("shown").GetString(), m1.GetProperty("points").GetDouble()));
        Assert.Equal((today.AddMonths(-3), today.AddDays(-1)),
            (DateOnly.Parse(m1.GetProperty("from").GetString()!), DateOnly.Parse(m1.GetProperty("to").GetString()!)));
        Assert.Equal(20.0, sheet.GetProperty("computed").GetProperty("M2").GetProperty("points").GetDouble());
        Assert.Equal(25.0, sheet.GetProperty("result").GetProperty("total").GetDouble());
        var page = await (await app.PagesAs("reviewer")).GetStringAsync($"/reviews/sheets/{sheetId}");
        Assert.Contains("组织生活会议召开次数 2（", page);

        var saved = await reviewer.PutAsJsonAsync($"/api/v1/reviews/sheets/{sheetId}", new
        {
            entries = new Dictionary<string, object> { ["A1"] = new { value = 60.0 }, ["M1"] = new { value = 10.0 }, ["M2"] = new { value = 7.3 } },
            version = sheet.GetProperty("version").GetInt32(), submit = true,
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(85.0, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetDouble());
        var stored = app.WithDb(db => db.ScoreSheets.Single(s => s.Id == sheetId).Entries);
        Assert.Equal((5.0, 20.0), (stored["M1"].Value, stored["M2"].Value));
        Assert.StartsWith("组织生活会议召开次数 2（", stored["M1"].Note);
    }

    [Fact]
    public async Task An_unknown_indicator_or_one_on_a_deduction_item_is_refused_and_nothing_is_saved()
    {
        var street = await app.ApiAs("street");
        var streetId = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
        var before = app.WithDb(db => db.Rubrics.Count());
        var unknown = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", Rubric(streetId, "未知指标",
            new { code = "M1", section = "A", title = "未知", type = "Scored", max = 10.0, indicator = "nosuch.rate", fullAt = 90.0 }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("指标目录中没有“nosuch.rate”，请从列表中选择。", errors.GetProperty("Definition.Items[1].Indicator")[0].GetString());
        var deduction = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", Rubric(streetId, "扣分项取数",
            new { code = "M1", section = "A", title = "扣分", type = "Deduction", max = 10.0, perOccurrence = 1.0, floor = 0.0, indicator = "orglife.compliance_rate" }));
        var dErrors = (await deduction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("只有得分项可以从指标取数。", dErrors.GetProperty("Definition.Items[1].Indicator")[0].GetString());
        Assert.Equal("从指标取数的评分项须填写满分门槛（大于 0）。", dErrors.GetProperty("Definition.Items[1].FullAt")[0].GetString());
        Assert.Equal(before, app.WithDb(db => db.Rubrics.Count()));
    }

    [Fact]
    public async Task The_rubric_editor_offers_the_catalogues_indicators_by_their_Chinese_names()
    {
        var page = await (await app.PagesAs("street")).GetStringAsync("/reviews/rubrics");
        Assert.Contains("<option value=\"orglife.compliance_rate\">组织生活落实率</option>", page);
        Assert.Contains("<option value=\"orglife.visit_coverage\">走访覆盖率</option>", page);
    }
}
