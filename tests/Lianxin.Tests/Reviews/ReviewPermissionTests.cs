using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Platform;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Reviews;

/// <summary>Being in scope is not enough: review pages and answers need the review permissions too.</summary>
[Collection(AppCollection.Name)]
public class ReviewPermissionTests(LianxinApp app)
{
    Guid Heping => app.WithDb(d => d.OrgUnits.Single(u => u.ShortName == "和平社区党委").Id);

    [Theory]
    [InlineData("resident")]
    [InlineData("merchant")]
    [InlineData("liaison")]
    [InlineData("reviewer")]
    public async Task Accounts_without_ReviewView_get_403_for_rectifications_and_star_history(string userName)
    {
        var api = await app.ApiAs(userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/reviews/rectifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/reviews/units/{Heping}/stars")).StatusCode);

        var pages = await app.PagesAs(userName);
        foreach (var url in new[] { "/reviews/rectifications", $"/reviews/units/{Heping}/stars" })
        {
            var page = await pages.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.ToString().Contains("/account/access-denied"),
                $"{url} for {userName}: {(int)page.StatusCode} {page.Headers.Location}");
        }
    }

    [Fact]
    public async Task The_community_secretary_still_sees_its_rectifications_and_stars()
    {
        var api = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/reviews/rectifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/reviews/units/{Heping}/stars")).StatusCode);
        var pages = await app.PagesAs("secretary");
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/reviews/rectifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/reviews/units/{Heping}/stars")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_off_the_panel_cannot_record_findings_in_a_published_round()
    {
        var streetApi = await app.ApiAs("street");
        var streetId = app.WithDb(d => d.OrgUnits.Single(u => u.ShortName == "东湖街道党工委").Id);
        var name = UsersApiTests.NewName("rv");
        var panelist = await UsersApiTests.CreateAsync(streetApi, name, Role.Reviewer, streetId, "评委 丙");
        var panelistApi = await app.ApiAs(name, UsersApiTests.Password);
        var roundId = await RoundSetup.OpenAsync(app, "评委之外不得记录问题", panelist.Id);
        var sheet = app.WithDb(d => d.ScoreSheets.Single(s => s.RoundId == roundId));
        var submitted = await panelistApi.PutAsJsonAsync($"/api/v1/reviews/sheets/{sheet.Id}", new
        {
            entries = new Dictionary<string, object> { ["A1"] = new { value = 50 }, ["B1"] = new { value = 30 } }, version = sheet.Version, submit = true,
        });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await RoundSetup.MoveAsync(app, roundId, "close");
        await RoundSetup.MoveAsync(app, roundId, "publish");

        object Finding(string text) => new { unitId = Heping, description = text, owner = "社区书记", deadline = DateTime.UtcNow.AddDays(30) };
        var outsider = await (await app.ApiAs("reviewer")).PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/findings", Finding("台账不全"));
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal(0, app.WithDb(d => d.Findings.Count(f => f.RoundId == roundId)));

        var onPanel = await panelistApi.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/findings", Finding("公示栏未更新"));
        Assert.Equal(HttpStatusCode.Created, onPanel.StatusCode);
    }
}
