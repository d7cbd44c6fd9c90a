using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

/// <summary>Each sheet keeps its total and section points, computed by the rules when it is saved, submitted or amended.</summary>
[Collection(AppCollection.Name)]
public class ReviewScoreCacheTests(LianxinApp app)
{
    [Fact]
    public void Rescoring_keeps_the_section_points_and_new_entries_drop_them()
    {
        var def = Web.Demo.DemoReviews.QuarterlyRubric();
        var sheet = new ScoreSheet { Entries = new() { ["A1"] = new ItemEntry(12), ["A2"] = new ItemEntry(1) } };
        Assert.Null(sheet.SectionTotalsJson);
        var result = sheet.Rescore(def);
        Assert.Equal(result.Total, sheet.Total);
        Assert.Equal(result.Sections, JsonSerializer.Deserialize<Dictionary<string, double>>(sheet.SectionTotalsJson!));
        sheet.Entries = new() { ["A1"] = new ItemEntry(1) };
        Assert.Null(sheet.SectionTotalsJson);
    }

    [Fact]
    public async Task Results_come_from_the_points_kept_on_submit_and_amend_and_match_scoring_every_item()
    {
        var street = await app.ApiAs("street");
        var reviewer = await app.ApiAs("reviewer");
        var streetId = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
        var rubricId = app.WithDb(db => db.Rubrics.First(r => r.Name == "社区党建季度观摩考评细则").Id);
        var def = Web.Demo.DemoReviews.QuarterlyRubric();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = (await (await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = streetId, kind = "Community", branchKind = "None", name = $"缓存{tag}社区", shortName = $"缓存{tag}社区" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new
        {
            ownerUnitId = streetId, name = $"缓存测试{tag}", rubricId, units = new[] { new { unitId = unit } },
            panel = new[] { new { userId = app.WithDb(db => db.Users.First(u => u.UserName == "reviewer").Id) } },
        });
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task Move(string verb) => Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}",
            new { version = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}")).GetProperty("version").GetInt32() })).StatusCode);
        await Move("open");
        var sheetId = app.WithDb(db => db.ScoreSheets.First(s => s.RoundId == roundId).Id);

        // Every item type: scored, a deduction with two findings, a bonus, the veto not triggered.
        var entries = def.Items.ToDictionary(i => i.Code, i => new ItemEntry(i.Type switch { ItemType.Deduction => 2, ItemType.Veto => 0, ItemType.Bonus => 2, _ => i.Max - 1 }));
        var saved = await reviewer.PutAsJsonAsync($"/api/v1/reviews/sheets/{sheetId}", new { entries, version = 0, submit = true });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var expected = ScoreRules.Score(def, entries);
        var kept = app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId));
        Assert.Equal(expected.Total, kept.Total);
        Assert.Equal(expected.Sections, JsonSerializer.Deserialize<Dictionary<string, double>>(kept.SectionTotalsJson!));

        await Move("close");
        await Move("publish");
        var results = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}/results");
        var row = results.GetProperty("units")[0];
        Assert.Equal(expected.Total, row.GetProperty("total").GetDouble());
        foreach (var (code, points) in expected.Sections) Assert.Equal(points, row.GetProperty("sections").GetProperty(code).GetDouble());

        // An amendment rescored the sheet: its kept points and the published result move together.
        var scored = def.Items.First(i => i.Type == ItemType.Scored);
        var amended = await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/amendments", new { sheetId, itemCode = scored.Code, value = 0.0, reason = "复核现场台账" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        entries[scored.Code] = new ItemEntry(0);
        var after = ScoreRules.Score(def, entries);
        Assert.Equal(after.Sections, JsonSerializer.Deserialize<Dictionary<string, double>>(app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).SectionTotalsJson!)));
        var again = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}/results");
        Assert.Equal(after.Total, again.GetProperty("units")[0].GetProperty("total").GetDouble());
        Assert.Equal(after.Sections[scored.Section], again.GetProperty("units")[0].GetProperty("sections").GetProperty(scored.Section).GetDouble());
    }
}
