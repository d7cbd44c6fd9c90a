using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class RoleSwitchTests(LianxinApp app)
{
    [Fact]
    public async Task A_user_with_two_roles_switches_between_them_in_the_header()
    {
        var (community, grid) = app.WithDb(db => (
            db.OrgUnits.First(u => u.ShortName == "和平社区党委"),
            db.OrgUnits.First(u => u.ShortName == "幸福社区党委")));
        Guid secondGrant;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "twohats", DisplayName = "两个身份", TenantId = community.TenantId };
            Assert.True((await users.CreateAsync(user, DemoSetup.Password)).Succeeded);
            secondGrant = app.WithDb(db =>
            {
                db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.CommunityStaff, OrgUnitId = community.Id, OrgPath = community.Path });
                var second = new RoleGrant { UserId = user.Id, Role = Role.Reviewer, OrgUnitId = grid.Id, OrgPath = grid.Path };
                db.RoleGrants.Add(second);
                db.SaveChanges();
                return second.Id;
            });
        }
        var client = await app.PagesAs("twohats");
        var home = await client.GetStringAsync("/");
        Assert.Contains("和平社区党委 · 社区工作者", home);
        // A unit page names the user's units in the header from its trail (issue 15) and reads the others: 幸福社区 is not on 和平社区's.
        var unitPage = await client.GetStringAsync($"/org/{community.Id}");
        Assert.Contains("和平社区党委 · 社区工作者", unitPage);
        Assert.Contains("幸福社区党委 · 观摩评委", unitPage);

        await LianxinApp.PostFormAsync(client, "/account/switch", new() { ["grantId"] = secondGrant.ToString(), ["returnUrl"] = "/" }, formPage: "/");
        home = await client.GetStringAsync("/");
        Assert.Contains("<div class=\"fs-5\">幸福社区党委 · 观摩评委</div>", home);
    }

    [Fact]
    public async Task Nobody_can_switch_to_a_grant_that_is_not_theirs()
    {
        var foreign = app.WithDb(db => db.RoleGrants.First(g => g.Role == Role.DistrictAdmin).Id);
        var client = await app.PagesAs("resident");
        var response = await LianxinApp.PostFormAsync(client, "/account/switch", new() { ["grantId"] = foreign.ToString(), ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
