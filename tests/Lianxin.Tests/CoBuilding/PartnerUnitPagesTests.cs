using System.Net;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.CoBuilding;

[Collection(AppCollection.Name)]
public class PartnerUnitPagesTests(LianxinApp app)
{
    [Fact]
    public async Task The_edit_page_is_the_liaisons_for_their_own_unit_only_and_beyond_scope_it_is_not_found()
    {
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
        var liaisonId = app.WithDb(db => db.Users.Single(u => u.UserName == "liaison").Id);
        var (mine, other) = app.WithDb(db => (db.PartnerUnit(heping, "页面联络员单位", liaisonId), db.PartnerUnit(heping, "页面别家单位")));
        var liaison = await app.PagesAs("liaison");

        var own = await liaison.GetAsync($"/cobuilding/units/{mine.Id}/edit");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain("Input.LiaisonUserName", await own.Content.ReadAsStringAsync());
        var refused = await liaison.GetAsync($"/cobuilding/units/{other.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString());

        var saved = await LianxinApp.PostFormAsync(liaison, $"/cobuilding/units/{mine.Id}/edit", new()
        {
            ["Input.Name"] = mine.Name, ["Input.Kind"] = "StateEnterprise", ["Input.Address"] = "和平路 56 号", ["Input.PartyMemberCount"] = "5",
            ["Input.ContactName"] = "新联系人", ["Input.ContactPhone"] = "13800001111", ["Input.Version"] = mine.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("新联系人", app.WithDb(db => db.PartnerUnits.Single(p => p.Id == mine.Id).ContactName));

        var neighbour = await app.PagesAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/cobuilding/units/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/cobuilding/committees/{heping.Id}")).StatusCode);
    }
}
