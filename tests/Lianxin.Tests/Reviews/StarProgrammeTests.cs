using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Notifications;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Reviews;

/// <summary>Stars belong to a programme: 五星支部, 星级楼组 and the quarterly 观摩 each keep their own ladder.</summary>
[Collection(AppCollection.Name)]
public class StarProgrammeTests(LianxinApp app)
{
    [Fact]
    public async Task A_five_star_branch_award_is_not_overwritten_by_a_quarterly_round()
    {
        var (streetUnit, branch) = app.WithDb(db =>
        {
            var s = db.OrgUnits.First(u => u.ShortName == "东湖街道党工委");
            var heping = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            return (s, db.Unit(heping, OrgKind.Branch, "五星评定测试支部" + Guid.NewGuid().ToString("N")[..4]));
        });
        var street = await app.ApiAs("street");

        var bad = await street.PostAsJsonAsync($"/api/v1/reviews/units/{branch.Id}/stars/award", new { programme = "FiveStar", level = 6, awardingBody = "", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写授予单位", await bad.Content.ReadAsStringAsync());

        var awarded = await street.PostAsJsonAsync($"/api/v1/reviews/units/{branch.Id}/stars/award",
            new { programme = "FiveStar", level = 5, awardingBody = "中共青禾区委组织部", reason = "青组通〔2026〕12 号：命名年度五星支部" });
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);

        await StarExitNotificationTests.PublishRound(app, street, streetUnit.Id, branch.Id, 50, 32, purpose: "Quarterly"); // 82: 3★ in the quarterly ladder

        var stars = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{branch.Id}/stars");
        var levels = stars.GetProperty("levels");
        Assert.Equal(5, levels.GetProperty("FiveStar").GetInt32());
        Assert.Equal(3, levels.GetProperty("Quarterly").GetInt32());
        var five = stars.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("programme").GetString() == "FiveStar");
        Assert.Equal("中共青禾区委组织部", five.GetProperty("awardingBody").GetString());
        Assert.Equal("五星支部", five.GetProperty("programmeName").GetString());

        // A quarterly round below every threshold takes the quarterly stars away, not the 五星支部.
        await StarExitNotificationTests.PublishRound(app, street, streetUnit.Id, branch.Id, 30, 20, purpose: "Quarterly");
        levels = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/units/{branch.Id}/stars")).GetProperty("levels");
        Assert.Equal(5, levels.GetProperty("FiveStar").GetInt32());
        Assert.Equal(0, levels.GetProperty("Quarterly").GetInt32());
    }
}
