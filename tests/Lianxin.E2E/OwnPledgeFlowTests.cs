using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>党员承诺: a member enters a pledge of their own on a phone, the branch secretary approves it, residents see it on the board.</summary>
[Collection(BrowserCollection.Name)]
public class OwnPledgeFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    /// <summary>A new account with the Member role at the "grid" secretary's branch, linked to a member of its roster; the account and the community.</summary>
    async Task<(string UserName, Guid Community)> MemberOfTheGridBranch()
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var tenant = sp.GetRequiredService<Tenancy>().DefaultTenantId;
        sp.GetRequiredService<OrgScope>().AsSystem(tenant);
        var db = sp.GetRequiredService<LianxinDb>();
        var gridUser = db.Users.First(u => u.UserName == "grid").Id;
        var branch = db.OrgUnits.First(u => u.Id == db.RoleGrants.First(g => g.UserId == gridUser).OrgUnitId);
        var name = "pledger" + Guid.NewGuid().ToString("N")[..6];
        var user = new AppUser { UserName = name, DisplayName = "党员 承诺", TenantId = tenant, CreatedAt = DateTime.UtcNow };
        var created = await sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, DemoSetup.Password);
        Assert.True(created.Succeeded);
        db.RoleGrants.Add(new RoleGrant { TenantId = tenant, UserId = user.Id, Role = Role.Member, OrgUnitId = branch.Id, OrgPath = branch.Path, GrantedAt = DateTime.UtcNow });
        db.Members.First(m => m.BranchId == branch.Id && m.UserId == null && m.Status == MemberStatus.Normal).UserId = user.Id;
        await db.SaveChangesAsync();
        return (name, branch.ParentId!.Value);
    }

    [Fact]
    public async Task A_member_enters_a_pledge_on_a_phone_the_secretary_approves_it_and_it_shows_on_the_board()
    {
        var (userName, community) = await MemberOfTheGridBranch();
        var title = "浏览器测试：每月为独居老人代购" + Guid.NewGuid().ToString("N")[..4];
        var day = DateTime.UtcNow.AddHours(8);

        var phone = await app.PageAs(userName, phone: true);
        await phone.GotoAsync("/members/me");
        await phone.GetByRole(AriaRole.Link, new() { Name = "我的承诺（党员承诺）" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "我要承诺" }).ClickAsync();
        await phone.GetByLabel("我承诺", new() { Exact = true }).FillAsync(title);
        await phone.GetByLabel("事项说明").FillAsync("每月第一个周六上门，有需要请联系 13912345678。");
        await phone.GetByLabel("完成时限").FillAsync(day.AddDays(90).ToString("yyyy-MM-dd"));
        await phone.GetByLabel("任务 1", new() { Exact = true }).FillAsync("摸清楼内独居老人名单");
        await phone.GetByLabel("任务时限 1").FillAsync(day.AddDays(10).ToString("yyyy-MM-dd"));
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "own-pledge-form-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交支部审核" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("等待支部书记审核");
        var card = phone.Locator("article", new() { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("待支部审核");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "own-pledge-mine-phone");

        var secretary = await app.PageAs("grid");
        await secretary.GotoAsync("/pledges/approvals");
        var pending = secretary.Locator("article", new() { HasText = title });
        await Assertions.Expect(pending).ToContainTextAsync("摸清楼内独居老人名单");
        await BrowserApp.Shot(secretary, "own-pledge-approvals-desktop");
        await pending.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核通过");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("article", new() { HasText = title })).ToContainTextAsync("推进中");

        var resident = await app.PageAs(null, phone: true);
        await resident.GotoAsync($"/public/board/{community}?owner=Member");
        var onBoard = resident.Locator("article", new() { HasText = title });
        await Assertions.Expect(onBoard).ToContainTextAsync("摸清楼内独居老人名单");
        await Assertions.Expect(onBoard).ToContainTextAsync("139****5678");
        await Assertions.Expect(resident.GetByTestId("owner-counts")).ToContainTextAsync("党员");
        Assert.False(await Overflows(resident));
        await onBoard.ScrollIntoViewIfNeededAsync();
        await BrowserApp.Shot(resident, "own-pledge-board-phone");
    }
}
