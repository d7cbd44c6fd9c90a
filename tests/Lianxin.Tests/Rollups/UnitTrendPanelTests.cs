using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Rollups;

/// <summary>The 指标走势 panel on a unit's page: every indicator on offer to those who read roll-ups, nothing to others.</summary>
[Collection(AppCollection.Name)]
public class UnitTrendPanelTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));

    [Fact]
    public async Task A_secretary_picks_any_indicator_of_every_area_and_its_line_comes_from_the_trend_api()
    {
        var heping = Unit("和平社区党委");
        var client = await app.PagesAs("secretary");
        var html = await client.GetStringAsync($"/org/{heping.Id}");
        Assert.Contains("id=\"unitTrends\"", html);
        Assert.Contains($"data-unit=\"{heping.Id}\"", html);
        Assert.Contains("<optgroup label=\"群众诉求\">", html);
        Assert.Contains("<optgroup label=\"组织覆盖\">", html);

        var api = await app.ApiAs("secretary");
        var catalog = await api.GetFromJsonAsync<JsonElement>("/api/v1/rollups/indicators");
        foreach (var code in catalog.EnumerateArray().Select(i => i.GetProperty("code").GetString()!))
            Assert.Contains($"value=\"{code}\"", html);

        var trend = await api.GetFromJsonAsync<JsonElement>($"/api/v1/rollups/trend?unitId={heping.Id}&code={catalog[0].GetProperty("code").GetString()}&quarters=true");
        Assert.Equal(8, trend.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task A_grid_leader_who_reads_no_rollups_sees_the_unit_without_the_panel()
    {
        var client = await app.PagesAs("grid");
        // The grid account's own unit: other tests grant grid leaders elsewhere, and "the first grant" has no order.
        var gridUnit = Lianxin.Tests.Platform.UsersApiTests.UnitOf(app, "grid");
        var branch = app.WithDb(db => db.OrgUnits.Single(u => u.Id == gridUnit));
        var page = await client.GetAsync($"/org/{branch.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(branch.Name, html);
        Assert.DoesNotContain("unitTrends", html);
    }
}
