using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;

namespace Lianxin.Tests.Members;

[Collection(AppCollection.Name)]
public class CentralHouseholdPageTests(LianxinApp app)
{
    static Dictionary<string, string> Fields(int version, params Guid[] households)
    {
        var fields = new Dictionary<string, string> { ["Form.Version"] = version.ToString() };
        for (var i = 0; i < households.Length; i++) fields[$"Form.HouseholdIds[{i}]"] = households[i].ToString();
        return fields;
    }

    [Fact]
    public async Task A_secretary_assigns_households_on_the_page_and_the_grid_coverage_changes_and_the_neighbour_gets_404()
    {
        var units = new MemberRosterTests(app).Units();
        // The first grid of 和平社区 already has the demo central household looking after ten of its households.
        var (memberId, gridId, free, taken, keeper, elsewhere) = app.WithDb(db =>
        {
            var grid = db.Grids.Where(g => g.CommunityId == units.heping.Id).OrderBy(g => g.Code).First();
            var m = db.Members.First(x => x.ResidenceCommunityId == units.heping.Id && x.Status == MemberStatus.Normal && !db.Set<CentralHousehold>().Any(c => c.MemberId == x.Id));
            var inGrid = db.Households.Where(h => db.Set<Lianxin.Web.Modules.Organizations.Domain.Building>().Any(b => b.Id == h.BuildingId && b.GridId == grid.Id));
            var free = inGrid.Where(h => !db.Set<CentralHouseholdLink>().Any(l => l.HouseholdId == h.Id)).OrderByDescending(h => h.Id).Take(3).Select(h => h.Id).ToArray();
            var link = db.CentralHouseholdLinks.First(l => inGrid.Any(h => h.Id == l.HouseholdId));
            var keeper = db.CentralHouseholds.First(c => c.Id == link.CentralHouseholdId).MemberName;
            var elsewhere = db.Households.First(h => db.Set<Lianxin.Web.Modules.Organizations.Domain.Building>().Any(b => b.Id == h.BuildingId && b.GridId != null && b.GridId != grid.Id)).Id;
            return (m.Id, grid.Id, free, link.HouseholdId, keeper, elsewhere);
        });
        var api = await app.ApiAs("secretary");
        var ch = await (await api.PostAsJsonAsync("/api/v1/central-households", new { memberId, gridId, selfNominated = true, recommenders = 3 })).Content.ReadFromJsonAsync<CentralHouseholdDto>();
        ch = await (await api.PostAsJsonAsync($"/api/v1/central-households/{ch!.Id}/decision", new { approve = true, version = ch.Version })).Content.ReadFromJsonAsync<CentralHouseholdDto>();
        var url = $"/members/central/{ch!.Id}/households";
        async Task<GridCoverage> Coverage() => (await api.GetFromJsonAsync<List<GridCoverage>>($"/api/v1/central-households/coverage?communityId={units.heping.Id}"))!.First(g => g.GridId == gridId);
        var before = await Coverage();

        var pages = await app.PagesAs("secretary");
        Assert.Contains(url, await pages.GetStringAsync($"/members/central?CommunityId={units.heping.Id}")); // linked from the list
        var form = await pages.GetStringAsync(url);
        Assert.Contains("已由其他中心户联系：" + keeper, form);
        Assert.Contains($"value=\"{taken}\" id=\"h{taken:N}\" disabled=\"disabled\"", form);

        // A household of another central household, one outside the grid, a stale version: clear Chinese errors, nothing stored.
        var clash = await LianxinApp.PostFormAsync(pages, url, Fields(ch.Version, free[0], taken));
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("有 1 户已由其他党员中心户联系", await clash.Content.ReadAsStringAsync());
        Assert.Contains("有住户不在该网格内", await (await LianxinApp.PostFormAsync(pages, url, Fields(ch.Version, free[0], elsewhere))).Content.ReadAsStringAsync());
        Assert.Contains("该记录已被他人修改，请刷新后重试。", await (await LianxinApp.PostFormAsync(pages, url, Fields(ch.Version + 1, free))).Content.ReadAsStringAsync());
        Assert.Contains("所选住户无效", await (await LianxinApp.PostFormAsync(pages, url, new() { ["Form.Version"] = ch.Version.ToString(), ["Form.HouseholdIds[0]"] = "abc" })).Content.ReadAsStringAsync());
        Assert.Equal(before.LookedAfter, (await Coverage()).LookedAfter);
        Assert.False(app.WithDb(db => db.CentralHouseholdLinks.Any(l => l.CentralHouseholdId == ch.Id)));

        var saved = await LianxinApp.PostFormAsync(pages, url, Fields(ch.Version, free));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await Coverage();
        Assert.Equal(before.LookedAfter + 3, after.LookedAfter);
        Assert.True(after.Coverage > before.Coverage);
        var shown = await pages.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("共 3 户", shown);
        Assert.Contains($"联系 {before.LookedAfter} → {after.LookedAfter} 户", shown);
        foreach (var h in free) Assert.Contains($"value=\"{h}\" id=\"h{h:N}\" checked=\"checked\"", shown);

        // Unticking one saves the smaller set; the version read on the page is the one that counts.
        var version = app.WithDb(db => db.CentralHouseholds.First(c => c.Id == ch.Id).Version);
        Assert.Equal(HttpStatusCode.Redirect, (await LianxinApp.PostFormAsync(pages, url, Fields(version, free[0], free[1]))).StatusCode);
        Assert.Equal(before.LookedAfter + 2, (await Coverage()).LookedAfter);

        var neighbour = await app.PagesAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync(url)).StatusCode);
        var post = await LianxinApp.PostFormAsync(neighbour, url, Fields(version + 1), formPage: "/members/central");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(2, app.WithDb(db => db.CentralHouseholdLinks.Count(l => l.CentralHouseholdId == ch.Id)));
    }
}
