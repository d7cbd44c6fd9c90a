using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Members;

[Collection(AppCollection.Name)]
public class MemberAccountTests(LianxinApp app)
{
    /// <summary>A fresh account holding the resident role at <paramref name="unit"/>.</summary>
    Guid NewAccount(OrgUnit unit, string userName, string displayName) => app.WithDb(db =>
    {
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, TenantId = unit.TenantId, SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(user);
        db.RoleGrants.Add(new RoleGrant { TenantId = unit.TenantId, UserId = user.Id, Role = Role.Resident, OrgUnitId = unit.Id, OrgPath = unit.Path, GrantedAt = DateTime.UtcNow });
        db.SaveChanges();
        return user.Id;
    });

    async Task<Guid> NewMember(HttpClient client, Guid branchId, string name)
    {
        var r = await client.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(branchId, name));
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<MemberDto>())!.Id;
    }

    [Fact]
    public async Task A_secretary_links_an_account_in_scope_once_and_unlinks_it_and_the_audit_log_records_both()
    {
        var (heping, xingfu, grid, _) = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var (a, b) = (await NewMember(secretary, grid.Id, "关联甲"), await NewMember(secretary, grid.Id, "关联乙"));
        var account = NewAccount(heping, "link_a_" + Guid.NewGuid().ToString("N")[..6], "关联账号甲");

        // Found by display name, not yet linked.
        var found = await secretary.GetFromJsonAsync<List<AccountOption>>($"/api/v1/members/{a}/account/candidates?q=关联账号甲");
        Assert.Equal(account, Assert.Single(found!).Id);
        Assert.Null(found![0].LinkedTo);

        var linked = await secretary.PutAsJsonAsync($"/api/v1/members/{a}/account", new { userId = account });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("关联账号甲", (await linked.Content.ReadFromJsonAsync<AccountLink>())!.DisplayName);
        Assert.Equal(account, app.WithDb(db => db.Members.Single(m => m.Id == a).UserId));
        // Linking again is harmless; the same account on a second member is refused and changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/v1/members/{a}/account", new { userId = account })).StatusCode);
        var second = await secretary.PutAsJsonAsync($"/api/v1/members/{b}/account", new { userId = account });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("关联党员“关联甲”", await second.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.Members.Single(m => m.Id == b).UserId));
        // A member with an account keeps it until unlinked.
        var other = NewAccount(heping, "link_b_" + Guid.NewGuid().ToString("N")[..6], "关联账号乙");
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutAsJsonAsync($"/api/v1/members/{a}/account", new { userId = other })).StatusCode);
        Assert.Equal("关联甲", (await secretary.GetFromJsonAsync<List<AccountOption>>($"/api/v1/members/{b}/account/candidates?q=关联账号甲"))![0].LinkedTo);

        Assert.Equal(HttpStatusCode.OK, (await secretary.DeleteAsync($"/api/v1/members/{a}/account")).StatusCode);
        Assert.Null(app.WithDb(db => db.Members.Single(m => m.Id == a).UserId));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/v1/members/{b}/account", new { userId = account })).StatusCode);

        var audit = app.WithDb(db => db.AuditEntries.Where(e => e.Entity == "Member" && e.EntityId == a.ToString() && e.Action == Lianxin.Web.Platform.Audit.AuditAction.Update && e.After!.Contains("UserId")).Select(e => e.After).ToList());
        Assert.Equal(2, audit.Count); // linked, then unlinked
        Assert.Contains(audit, x => x!.Contains(account.ToString()));
        _ = xingfu;
    }

    [Fact]
    public async Task Members_and_accounts_outside_the_callers_scope_are_404_and_staff_without_manage_are_refused()
    {
        var (heping, xingfu, grid, xingfuGrid) = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var mine = await NewMember(secretary, grid.Id, "范围关联甲");
        var theirs = await NewMember(await app.ApiAs("secretary2"), xingfuGrid.Id, "范围关联乙");
        var foreignAccount = NewAccount(xingfu, "link_x_" + Guid.NewGuid().ToString("N")[..6], "幸福居民账号");
        var ownAccount = NewAccount(heping, "link_o_" + Guid.NewGuid().ToString("N")[..6], "和平居民账号");

        // An account of another community can be neither found nor linked.
        Assert.Empty((await secretary.GetFromJsonAsync<List<AccountOption>>($"/api/v1/members/{mine}/account/candidates?q=幸福居民账号"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync($"/api/v1/members/{mine}/account", new { userId = foreignAccount })).StatusCode);
        // Nor a member of another community, even with an own account.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync($"/api/v1/members/{theirs}/account", new { userId = ownAccount })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.DeleteAsync($"/api/v1/members/{theirs}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync($"/api/v1/members/{mine}/account", new { userId = Guid.NewGuid() })).StatusCode);
        // The grid leader sees the member but may not manage members.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("grid")).PutAsJsonAsync($"/api/v1/members/{mine}/account", new { userId = ownAccount })).StatusCode);
        Assert.Null(app.WithDb(db => db.Members.Single(m => m.Id == mine).UserId));
        Assert.Null(app.WithDb(db => db.Members.Single(m => m.Id == theirs).UserId));
    }

    [Fact]
    public async Task On_the_member_card_a_secretary_searches_links_and_unlinks_the_account()
    {
        var (heping, _, grid, _) = new MemberRosterTests(app).Units();
        var member = await NewMember(await app.ApiAs("secretary"), grid.Id, "页面关联甲");
        var account = NewAccount(heping, "link_p_" + Guid.NewGuid().ToString("N")[..6], "页面关联账号");
        var client = await app.PagesAs("secretary");

        var page = await client.GetStringAsync($"/members/{member}?accountQ=页面关联账号");
        Assert.Contains("尚未关联登录账号", page);
        Assert.Contains("页面关联账号", page);
        var linked = await LianxinApp.PostFormAsync(client, $"/members/{member}?handler=Link", new() { ["userId"] = account.ToString(), ["version"] = "0" }, $"/members/{member}?accountQ=页面关联账号");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(account, app.WithDb(db => db.Members.Single(m => m.Id == member).UserId));
        var card = await client.GetStringAsync($"/members/{member}");
        Assert.Contains("解除关联", card);

        var version = app.WithDb(db => db.Members.Single(m => m.Id == member).Version);
        // A stale version is a form error and changes nothing.
        var stale = await LianxinApp.PostFormAsync(client, $"/members/{member}?handler=Unlink", new() { ["version"] = (version - 1).ToString() }, $"/members/{member}");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("该记录已被他人修改", await stale.Content.ReadAsStringAsync());
        var unlinked = await LianxinApp.PostFormAsync(client, $"/members/{member}?handler=Unlink", new() { ["version"] = version.ToString() }, $"/members/{member}");
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Null(app.WithDb(db => db.Members.Single(m => m.Id == member).UserId));

        // The grid leader sees the card without the account section.
        Assert.DoesNotContain("member-account", await (await app.PagesAs("grid")).GetStringAsync($"/members/{member}"));
    }
}
