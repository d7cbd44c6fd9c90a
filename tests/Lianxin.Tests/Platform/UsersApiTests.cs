using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Identity.Users;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class UsersApiTests(LianxinApp app)
{
    public const string Password = "Qinghe-Test-2026";

    /// <summary>The unit where a demo account holds its (first) role: 和平社区 for secretary, 幸福社区 for secretary2.</summary>
    public static Guid UnitOf(LianxinApp app, string userName) => app.WithDb(db =>
    {
        var id = db.Users.Single(u => u.UserName == userName).Id;
        return db.RoleGrants.Where(g => g.UserId == id).OrderBy(g => g.OrgPath.Length).First().OrgUnitId;
    });

    public static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static async Task<UserDto> CreateAsync(HttpClient api, string userName, Role role, Guid unit, string displayName = "测试 用户")
    {
        var response = await api.PostAsJsonAsync("/api/v1/users", new { userName, displayName, password = Password, role = role.ToString(), orgUnitId = unit });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UserDto>())!;
    }

    bool Exists(string userName) => app.WithDb(db => db.Users.Any(u => u.UserName == userName));

    [Fact]
    public async Task A_secretary_creates_community_staff_at_her_community_and_they_can_sign_in()
    {
        var api = await app.ApiAs("secretary");
        var heping = UnitOf(app, "secretary");
        var name = NewName("cs");
        var created = await CreateAsync(api, name, Role.CommunityStaff, heping, "张 社工");

        var grant = Assert.Single(created.Grants);
        Assert.Equal("社区工作者", grant.RoleName);
        Assert.Equal(heping, grant.OrgUnitId);
        var read = await api.GetFromJsonAsync<UserDto>($"/api/v1/users/{created.Id}");
        Assert.Equal("张 社工", read!.DisplayName);
        var me = await (await app.ApiAs(name, Password)).GetFromJsonAsync<MeDto>("/api/v1/auth/me");
        Assert.Equal("CommunityStaff", Assert.Single(me!.Grants).Role);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Entity == "RoleGrant" && e.UserName == "secretary" && e.After!.Contains(created.Id.ToString()))));
    }

    [Theory]
    [InlineData(Role.DistrictAdmin)]
    [InlineData(Role.StreetStaff)]
    public async Task A_secretary_may_not_grant_roles_above_her_own(Role role)
    {
        var api = await app.ApiAs("secretary");
        var name = NewName("hi");
        var response = await api.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "越权", password = Password, role = role.ToString(), orgUnitId = UnitOf(app, "secretary") });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不能", await response.Content.ReadAsStringAsync());
        Assert.False(Exists(name));

        var existing = await CreateAsync(api, NewName("lo"), Role.Member, UnitOf(app, "secretary"));
        var grant = await api.PostAsJsonAsync($"/api/v1/users/{existing.Id}/grants", new { role = role.ToString(), orgUnitId = UnitOf(app, "secretary") });
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
    }

    [Fact]
    public async Task The_neighbour_community_is_out_of_a_secretarys_scope()
    {
        var api = await app.ApiAs("secretary");
        var xingfu = UnitOf(app, "secretary2");
        var name = NewName("nb");
        var create = await api.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "邻居", password = Password, role = "CommunityStaff", orgUnitId = xingfu });
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.False(Exists(name));

        var ours = await CreateAsync(api, NewName("hp"), Role.Member, UnitOf(app, "secretary"));
        var grantThere = await api.PostAsJsonAsync($"/api/v1/users/{ours.Id}/grants", new { role = "Member", orgUnitId = xingfu });
        Assert.Equal(HttpStatusCode.NotFound, grantThere.StatusCode);

        var theirs = await CreateAsync(await app.ApiAs("secretary2"), NewName("xf"), Role.CommunityStaff, xingfu);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/users/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/users/{theirs.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/users/{theirs.Id}/password", new { newPassword = "Another-Pass-77" })).StatusCode);
        var list = await api.GetFromJsonAsync<PageOf<UserDto>>($"/api/v1/users?q={theirs.UserName}");
        Assert.Equal(0, list!.Total);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Id == theirs.Id).IsDisabled));
    }

    [Fact]
    public async Task Street_staff_see_the_users_of_both_communities()
    {
        var prefix = NewName("st");
        await CreateAsync(await app.ApiAs("secretary"), prefix + "a", Role.CommunityStaff, UnitOf(app, "secretary"));
        await CreateAsync(await app.ApiAs("secretary2"), prefix + "b", Role.CommunityStaff, UnitOf(app, "secretary2"));

        var street = await (await app.ApiAs("street")).GetFromJsonAsync<PageOf<UserDto>>($"/api/v1/users?q={prefix}");
        Assert.Equal([prefix + "a", prefix + "b"], street!.Items.Select(u => u.UserName).Order());
        var secretary = await (await app.ApiAs("secretary")).GetFromJsonAsync<PageOf<UserDto>>($"/api/v1/users?q={prefix}");
        Assert.Equal([prefix + "a"], secretary!.Items.Select(u => u.UserName));
    }

    [Fact]
    public async Task The_list_pages_and_searches_by_display_name()
    {
        var api = await app.ApiAs("secretary");
        var tag = "翻页" + Guid.NewGuid().ToString("N")[..4];
        for (var i = 0; i < 3; i++) await CreateAsync(api, NewName("pg"), Role.Resident, UnitOf(app, "secretary"), $"{tag} 居民{i}");
        var first = await api.GetFromJsonAsync<PageOf<UserDto>>($"/api/v1/users?q={tag}&page=1&pageSize=2");
        var second = await api.GetFromJsonAsync<PageOf<UserDto>>($"/api/v1/users?q={tag}&page=2&pageSize=2");
        Assert.Equal(3, first!.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Single(second!.Items);
        Assert.Empty(first.Items.Select(u => u.Id).Intersect(second.Items.Select(u => u.Id)));

        var page2 = await (await app.PagesAs("secretary")).GetStringAsync($"/users?q={tag}&pageSize=2&page=2");
        Assert.Contains("共 3 人 · 第 2 / 2 页", page2);
        Assert.Contains(second.Items[0].DisplayName, page2);
        Assert.Contains("上一页", page2);
    }

    [Fact]
    public async Task A_disabled_user_is_sent_to_login_and_their_token_stops_working()
    {
        var api = await app.ApiAs("secretary");
        var name = NewName("ds");
        var user = await CreateAsync(api, name, Role.CommunityStaff, UnitOf(app, "secretary"));
        var pages = await app.PagesAs(name, Password);
        var token = await app.ApiAs(name, Password);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/account/change-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/auth/me")).StatusCode);
        var stamp = app.WithDb(db => db.Users.Single(u => u.Id == user.Id).SecurityStamp);

        var disabled = await api.PostAsync($"/api/v1/users/{user.Id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<UserDto>())!.IsDisabled);
        Assert.NotEqual(stamp, app.WithDb(db => db.Users.Single(u => u.Id == user.Id).SecurityStamp));

        var next = await pages.GetAsync("/account/change-password");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/users/{user.Id}/enable", null)).StatusCode);
        await app.PagesAs(name, Password); // throws if sign-in fails
    }

    [Fact]
    public async Task Password_reset_rejects_a_common_password_accepts_a_good_one_and_ends_old_sessions()
    {
        var api = await app.ApiAs("secretary");
        var name = NewName("pw");
        var user = await CreateAsync(api, name, Role.CommunityStaff, UnitOf(app, "secretary"));

        var weak = await api.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { newPassword = "password123" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("常见", await weak.Content.ReadAsStringAsync());
        var shortOne = await api.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { newPassword = "abc" });
        Assert.Contains("至少需要 8 个字符", await shortOne.Content.ReadAsStringAsync());
        var pages = await app.PagesAs(name, Password); // the old password still works
        var token = await app.ApiAs(name, Password);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { newPassword = "Brand-New-Pass-9" })).StatusCode);
        // Sessions and tokens issued with the old password end at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/account/change-password")).StatusCode);
        var fresh = await app.ApiAs(name, "Brand-New-Pass-9");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/auth/me")).StatusCode);
        await app.PagesAs(name, "Brand-New-Pass-9");
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.PagesAs(name, Password));
    }

    [Fact]
    public async Task Bad_input_gets_Chinese_messages_and_creates_nothing()
    {
        var api = await app.ApiAs("secretary");
        var response = await api.PostAsJsonAsync("/api/v1/users", new { userName = "", displayName = " ", password = "", role = "Nobody", orgUnitId = (Guid?)null });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var m in new[] { "请输入用户名", "请输入姓名", "请输入初始密码", "请选择角色", "请选择组织" }) Assert.Contains(m, body);

        var dup = await api.PostAsJsonAsync("/api/v1/users", new { userName = "staff", displayName = "重复", password = Password, role = "CommunityStaff", orgUnitId = UnitOf(app, "secretary") });
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        Assert.Contains("已被使用", await dup.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.Users.Count(u => u.UserName == "staff")));
    }

    [Fact]
    public async Task Nobody_disables_themselves_or_drops_their_last_user_management_grant()
    {
        var api = await app.ApiAs("secretary");
        var me = await api.GetFromJsonAsync<MeDto>("/api/v1/auth/me");
        var disable = await api.PostAsync($"/api/v1/users/{me!.Id}/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Contains("不能停用自己", await disable.Content.ReadAsStringAsync());
        var revoke = await api.DeleteAsync($"/api/v1/users/{me.Id}/grants/{me.Grants[0].Id}");
        Assert.Equal(HttpStatusCode.Conflict, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task Grants_are_added_and_revoked_and_duplicates_refused()
    {
        var api = await app.ApiAs("secretary");
        var heping = UnitOf(app, "secretary");
        var user = await CreateAsync(api, NewName("gr"), Role.Member, heping);
        var added = await api.PostAsJsonAsync($"/api/v1/users/{user.Id}/grants", new { role = "CommunityStaff", orgUnitId = heping });
        var withTwo = (await added.Content.ReadFromJsonAsync<UserDto>())!;
        Assert.Equal(2, withTwo.Grants.Count);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/users/{user.Id}/grants", new { role = "CommunityStaff", orgUnitId = heping })).StatusCode);

        var staffGrant = withTwo.Grants.Single(g => g.Role == "CommunityStaff");
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/users/{user.Id}/grants/{staffGrant.Id}")).StatusCode);
        Assert.False(app.WithDb(db => db.RoleGrants.Any(g => g.Id == staffGrant.Id)));
    }

    [Fact]
    public async Task A_secretary_cannot_touch_an_account_holding_a_higher_role()
    {
        var admin = await app.ApiAs("admin");
        var heping = UnitOf(app, "secretary");
        var boss = await CreateAsync(admin, NewName("bs"), Role.StreetStaff, UnitOf(app, "street"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/users/{boss.Id}/grants", new { role = "Member", orgUnitId = heping })).StatusCode);

        var api = await app.ApiAs("secretary");
        var seen = await api.GetFromJsonAsync<UserDto>($"/api/v1/users/{boss.Id}");
        Assert.Equal("Member", Assert.Single(seen!.Grants).Role); // the street grant is not hers to see
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/users/{boss.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/users/{boss.Id}/password", new { newPassword = "Taken-Over-123" })).StatusCode);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Id == boss.Id).IsDisabled));

        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/users/{boss.Id}");
        Assert.Contains("该用户拥有您无权授予的角色", page);
        Assert.DoesNotContain("停用账号", page);
        Assert.DoesNotContain("重置密码", page);
    }

    [Fact]
    public async Task Those_without_user_management_are_refused()
    {
        var api = await app.ApiAs("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/users")).StatusCode);
        var pages = await app.PagesAs("staff");
        var page = await pages.GetAsync("/users");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/access-denied", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_user_endpoints_are_in_the_OpenAPI_document()
    {
        var doc = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/users/{id}/grants/{grantId}", doc);
        Assert.Contains("/api/v1/audit/entries", doc);
        Assert.Contains("UserDto", doc);
    }
}
