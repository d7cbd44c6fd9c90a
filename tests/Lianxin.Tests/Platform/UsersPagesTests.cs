using System.Net;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class UsersPagesTests(LianxinApp app)
{
    [Fact]
    public async Task An_admin_creates_a_user_on_the_page_and_finds_them_in_the_list()
    {
        var client = await app.PagesAs("admin");
        var name = UsersApiTests.NewName("pa");
        var heping = UsersApiTests.UnitOf(app, "secretary");
        var response = await LianxinApp.PostFormAsync(client, "/users/new", new()
        {
            ["UserName"] = name, ["DisplayName"] = "页面 新建", ["Password"] = UsersApiTests.Password,
            ["Role"] = "CommunityStaff", ["OrgUnitId"] = heping.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detailUrl = response.Headers.Location!.ToString();
        var detail = await client.GetStringAsync(detailUrl);
        Assert.Contains("已创建用户“页面 新建”", detail);
        Assert.Contains("社区工作者", detail);
        Assert.Contains("和平社区", detail);

        var list = await client.GetStringAsync($"/users?q={name}");
        Assert.Contains("页面 新建", list);
        Assert.Contains(detailUrl, list);
        Assert.Contains("共 1 人", list);
    }

    [Fact]
    public async Task The_new_user_form_offers_only_grantable_roles_and_units_in_scope()
    {
        var client = await app.PagesAs("secretary");
        var html = await client.GetStringAsync("/users/new");
        Assert.Contains("value=\"CommunityStaff\"", html);
        Assert.DoesNotContain("value=\"DistrictAdmin\"", html);
        Assert.DoesNotContain("value=\"StreetStaff\"", html);
        Assert.Contains(UsersApiTests.UnitOf(app, "secretary").ToString(), html);
        Assert.DoesNotContain(UsersApiTests.UnitOf(app, "secretary2").ToString(), html);
    }

    [Fact]
    public async Task A_secretary_posting_a_role_above_her_own_gets_a_Chinese_error_and_nothing_is_created()
    {
        var client = await app.PagesAs("secretary");
        var name = UsersApiTests.NewName("pf");
        var response = await LianxinApp.PostFormAsync(client, "/users/new", new()
        {
            ["UserName"] = name, ["DisplayName"] = "越权", ["Password"] = UsersApiTests.Password,
            ["Role"] = "DistrictAdmin", ["OrgUnitId"] = UsersApiTests.UnitOf(app, "secretary").ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不能在", await response.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Users.Any(u => u.UserName == name)));
    }

    // The grant list shows the role in bold; the role select below lists it too, so match the list's markup.
    const string GrantShown = "<div class=\"fw-semibold\">网格党支部书记</div>";

    [Fact]
    public async Task The_detail_page_grants_revokes_disables_and_resets()
    {
        var api = await app.ApiAs("secretary");
        var heping = UsersApiTests.UnitOf(app, "secretary");
        var user = await UsersApiTests.CreateAsync(api, UsersApiTests.NewName("pd"), Role.Resident, heping, "详情 测试");
        var client = await app.PagesAs("secretary");
        var url = $"/users/{user.Id}";

        var grant = await LianxinApp.PostFormAsync(client, url + "?handler=Grant", new() { ["Role"] = "GridLeader", ["OrgUnitId"] = heping.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Contains(GrantShown, await client.GetStringAsync(url));

        var gridGrant = app.WithDb(db => db.RoleGrants.Single(g => g.UserId == user.Id && g.Role == Role.GridLeader).Id);
        var revoke = await LianxinApp.PostFormAsync(client, $"{url}?handler=Revoke&grantId={gridGrant}", new(), url);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.DoesNotContain(GrantShown, await client.GetStringAsync(url));

        var weak = await LianxinApp.PostFormAsync(client, url + "?handler=Password", new() { ["NewPassword"] = "password123" }, url);
        Assert.Contains("常见", await weak.Content.ReadAsStringAsync());

        var disable = await LianxinApp.PostFormAsync(client, url + "?handler=Disable", new(), url);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var page = await client.GetStringAsync(url);
        Assert.Contains("已停用", page);
        Assert.Contains("启用账号", page);
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Id == user.Id).IsDisabled));
    }

    [Fact]
    public async Task A_neighbour_communitys_user_page_is_not_found()
    {
        var theirs = await UsersApiTests.CreateAsync(await app.ApiAs("secretary2"), UsersApiTests.NewName("pn"), Role.Member, UsersApiTests.UnitOf(app, "secretary2"));
        var client = await app.PagesAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/users/{theirs.Id}")).StatusCode);
    }
}
