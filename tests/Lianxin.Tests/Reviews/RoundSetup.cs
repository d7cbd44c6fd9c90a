using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Reviews;

/// <summary>A two-item round of 东湖街道 over 和平社区, set up by the demo street account through the API.</summary>
public static class RoundSetup
{
    /// <summary>Creates the rubric and round with <paramref name="panel"/> and opens it; the round's id.</summary>
    public static async Task<Guid> OpenAsync(LianxinApp app, string name, params Guid[] panel)
    {
        var (streetId, communityId) = app.WithDb(d => (d.OrgUnits.Single(u => u.ShortName == "东湖街道党工委").Id, d.OrgUnits.Single(u => u.ShortName == "和平社区党委").Id));
        var street = await app.ApiAs("street");
        var rubric = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", new
        {
            ownerUnitId = streetId, name = name + "细则", purpose = "Quarterly",
            definition = new
            {
                sections = new[] { new { code = "A", title = "组织建设", weight = 1.0 }, new { code = "B", title = "服务群众", weight = 1.0 } },
                items = new object[]
                {
                    new { code = "A1", section = "A", title = "班子健全、制度落实", type = "Scored", max = 60.0 },
                    new { code = "B1", section = "B", title = "为民办实事", type = "Scored", max = 40.0 },
                },
                bonusCap = 0.0, vetoEffect = "Zero", stars = new[] { new { level = 3, minScore = 80.0 } },
            },
        });
        Assert.True(rubric.StatusCode == HttpStatusCode.Created, await rubric.Content.ReadAsStringAsync());
        var rubricId = (await rubric.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var round = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new
        {
            ownerUnitId = streetId, name, rubricId, aggregation = "Mean",
            units = new[] { new { unitId = communityId } }, panel = panel.Select(p => new { userId = p, panelRole = "评委" }),
        });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        var roundId = (await round.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await MoveAsync(app, roundId, "open");
        return roundId;
    }

    /// <summary>The street moves the round on (open, close, publish) at its current version.</summary>
    public static async Task MoveAsync(LianxinApp app, Guid roundId, string verb)
    {
        var version = app.WithDb(d => d.ReviewRounds.Single(r => r.Id == roundId).Version);
        var r = await (await app.ApiAs("street")).PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}", new { version });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{verb}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    public static Guid UserId(LianxinApp app, string userName) => app.WithDb(d => d.Users.Single(u => u.UserName == userName).Id);
}
