using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

/// <summary>The coordinator's corrections made from the pages: each needs a reason and ReviewManage.</summary>
[Collection(AppCollection.Name)]
public class ReviewsCoordinatorPagesTests(LianxinApp app)
{
    /// <summary>A fresh open round at 东湖街道 with one unit and the demo reviewer, whose sheet is already submitted.</summary>
    async Task<(Guid RoundId, Guid SheetId)> OpenRoundWithSubmittedSheet()
    {
        var street = await app.ApiAs("street");
        var streetId = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
        var reviewerId = app.WithDb(db => db.Users.First(u => u.UserName == "reviewer").Id);
        var rubricId = app.WithDb(db => db.Rubrics.First(r => r.Name == "社区党建季度观摩考评细则").Id);
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = (await (await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = streetId, kind = "Community", branchKind = "None", name = $"退回{tag}社区", shortName = $"退回{tag}社区" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new { ownerUnitId = streetId, name = $"退回测试{tag}", rubricId, units = new[] { new { unitId = unit } }, panel = new[] { new { userId = reviewerId } } });
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/open", new { version = 0 })).StatusCode);
        var sheetId = app.WithDb(db =>
        {
            var s = db.ScoreSheets.First(s => s.RoundId == roundId);
            s.State = SheetState.Submitted;
            s.SubmittedAt = DateTime.UtcNow;
            db.SaveChanges();
            return s.Id;
        });
        return (roundId, sheetId);
    }

    /// <summary>A published round whose only sheet has every scored item at its maximum, so the unit earns stars.</summary>
    async Task<(Guid RoundId, Guid SheetId)> PublishedRoundWithFullMarks()
    {
        var (roundId, sheetId) = await OpenRoundWithSubmittedSheet();
        var def = Web.Demo.DemoReviews.QuarterlyRubric();
        app.WithDb(db =>
        {
            var s = db.ScoreSheets.First(s => s.Id == sheetId);
            s.Entries = def.Items.Where(i => i.Type == ItemType.Scored).ToDictionary(i => i.Code, i => new ItemEntry(i.Max));
            return db.SaveChanges();
        });
        var api = await app.ApiAs("street");
        foreach (var verb in new[] { "close", "publish" })
        {
            var v = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}")).GetProperty("version").GetInt32();
            var moved = await api.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}", new { version = v });
            Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{verb}: {await moved.Content.ReadAsStringAsync()}");
        }
        return (roundId, sheetId);
    }

    (SheetState State, string? Reason, int Version) Sheet(Guid id) =>
        app.WithDb(db => db.ScoreSheets.Where(s => s.Id == id).Select(s => new { s.State, s.ReopenReason, s.Version }).AsEnumerable()
            .Select(s => (s.State, s.ReopenReason, s.Version)).First());

    [Fact]
    public async Task The_street_reopens_a_submitted_sheet_from_the_round_page_with_a_reason_others_cannot()
    {
        var (roundId, sheetId) = await OpenRoundWithSubmittedSheet();
        var url = $"/reviews/rounds/{roundId}";
        var version = Sheet(sheetId).Version;
        Dictionary<string, string> Fields(string reason) => new() { ["sheetId"] = sheetId.ToString(), ["sheetVersion"] = version.ToString(), ["reason"] = reason };

        var street = await app.PagesAs("street");
        var page = await street.GetStringAsync(url);
        Assert.Contains("重新开放", page);
        Assert.Contains("data-confirm", page);
        // The reviewer sees the round but not the coordinator's button.
        var reviewer = await app.PagesAs("reviewer");
        Assert.DoesNotContain("重新开放", await reviewer.GetStringAsync(url));

        // No reason: a Chinese error, the sheet stays locked.
        var empty = await LianxinApp.PostFormAsync(street, url + "?handler=Reopen", Fields("  "), url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写退回原因。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(SheetState.Submitted, Sheet(sheetId).State);

        // The reviewer (on the panel, without ReviewManage) and the community secretary (out of scope) cannot reopen.
        var byReviewer = await LianxinApp.PostFormAsync(reviewer, url + "?handler=Reopen", Fields("想改分"), url);
        Assert.Equal(HttpStatusCode.Redirect, byReviewer.StatusCode);
        Assert.Contains("/account/access-denied", byReviewer.Headers.Location!.ToString());
        var secretary = await app.PagesAs("secretary");
        var bySecretary = await LianxinApp.PostFormAsync(secretary, url + "?handler=Reopen", Fields("想改分"), "/reviews");
        Assert.True(bySecretary.StatusCode == HttpStatusCode.NotFound || bySecretary.Headers.Location?.ToString().Contains("/account/access-denied") == true,
            bySecretary.StatusCode.ToString());
        Assert.Equal(SheetState.Submitted, Sheet(sheetId).State);

        var ok = await LianxinApp.PostFormAsync(street, url + "?handler=Reopen", Fields("B1 项漏记加分材料"), url);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = Sheet(sheetId);
        Assert.Equal(SheetState.Draft, after.State);
        Assert.Equal("B1 项漏记加分材料", after.Reason);
        Assert.DoesNotContain("重新开放", await street.GetStringAsync(url));
        // Audited: the change to the sheet is in the audit log with the reason.
        var audited = app.WithDb(db => db.AuditEntries.Where(a => a.EntityId == sheetId.ToString()).Select(a => a.After).ToList());
        Assert.Contains(audited, a => a is not null && System.Text.RegularExpressions.Regex.Unescape(a).Contains("B1 项漏记加分材料"));
    }

    [Fact]
    public async Task The_street_corrects_a_published_score_from_the_results_page_with_a_reason_others_cannot()
    {
        var (roundId, sheetId) = await PublishedRoundWithFullMarks();
        var item = Web.Demo.DemoReviews.QuarterlyRubric().Items.First(i => i.Type == ItemType.Scored);
        var url = $"/reviews/rounds/{roundId}/results";
        var corrected = item.Max - 1;
        Dictionary<string, string> Fields(string reason) => new() { ["SheetId"] = sheetId.ToString(), ["ItemCode"] = item.Code, ["Value"] = corrected.ToString(), ["Reason"] = reason };
        double Value() => app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).Entries[item.Code].Value);
        int Amendments() => app.WithDb(db => db.Amendments.Count(a => a.SheetId == sheetId));

        var street = await app.PagesAs("street");
        Assert.Contains("更正分数", await street.GetStringAsync(url));
        var reviewer = await app.PagesAs("reviewer");
        Assert.DoesNotContain("更正分数", await reviewer.GetStringAsync(url));

        var empty = await LianxinApp.PostFormAsync(street, url + "?handler=Amend", Fields(""), url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写更正原因。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(item.Max, Value());
        Assert.Equal(0, Amendments());

        var byReviewer = await LianxinApp.PostFormAsync(reviewer, url + "?handler=Amend", Fields("想改分"), url);
        Assert.Equal(HttpStatusCode.Redirect, byReviewer.StatusCode);
        Assert.Contains("/account/access-denied", byReviewer.Headers.Location!.ToString());
        var secretary = await app.PagesAs("secretary");
        var bySecretary = await LianxinApp.PostFormAsync(secretary, url + "?handler=Amend", Fields("想改分"), "/reviews");
        Assert.True(bySecretary.StatusCode == HttpStatusCode.NotFound || bySecretary.Headers.Location?.ToString().Contains("/account/access-denied") == true,
            bySecretary.StatusCode.ToString());
        Assert.Equal(item.Max, Value());
        Assert.Equal(0, Amendments());

        var ok = await LianxinApp.PostFormAsync(street, url + "?handler=Amend", Fields("现场台账复核有误"), url);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(corrected, Value());
        Assert.Equal("现场台账复核有误", app.WithDb(db => db.Amendments.Single(a => a.SheetId == sheetId).Reason));
    }

    [Fact]
    public async Task The_street_removes_a_star_rating_from_the_results_page_with_a_reason_others_cannot()
    {
        var (roundId, sheetId) = await PublishedRoundWithFullMarks();
        var unitId = app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).UnitId);
        var url = $"/reviews/rounds/{roundId}/results";
        int Level() => app.WithDb(db => db.StarAwards.Where(a => a.UnitId == unitId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.Level).FirstOrDefault());
        Assert.True(Level() > 0, "full marks should earn stars");
        var before = Level();
        Dictionary<string, string> Fields(string reason) => new() { ["unitId"] = unitId.ToString(), ["reason"] = reason };

        var street = await app.PagesAs("street");
        Assert.Contains("摘牌", await street.GetStringAsync(url));
        var reviewer = await app.PagesAs("reviewer");
        Assert.DoesNotContain("摘牌", await reviewer.GetStringAsync(url));

        var empty = await LianxinApp.PostFormAsync(street, url + "?handler=RemoveStar", Fields(" "), url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写摘牌原因。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(before, Level());

        var byReviewer = await LianxinApp.PostFormAsync(reviewer, url + "?handler=RemoveStar", Fields("不合格"), url);
        Assert.True(byReviewer.StatusCode == HttpStatusCode.NotFound || byReviewer.Headers.Location?.ToString().Contains("/account/access-denied") == true,
            byReviewer.StatusCode.ToString());
        var secretary = await app.PagesAs("secretary");
        var bySecretary = await LianxinApp.PostFormAsync(secretary, url + "?handler=RemoveStar", Fields("不合格"), "/reviews");
        Assert.True(bySecretary.StatusCode == HttpStatusCode.NotFound || bySecretary.Headers.Location?.ToString().Contains("/account/access-denied") == true,
            bySecretary.StatusCode.ToString());
        Assert.Equal(before, Level());

        var ok = await LianxinApp.PostFormAsync(street, url + "?handler=RemoveStar", Fields("发生违纪问题，按规定摘牌"), url);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(0, Level());
        Assert.Equal("发生违纪问题，按规定摘牌", app.WithDb(db => db.StarAwards.Where(a => a.UnitId == unitId && a.Level == 0).Select(a => a.Reason).First()));
    }
}
