using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class UsersFlowTests(BrowserApp app)
{
    const string Password = "Qinghe-Browser-2026";

    [Fact]
    public async Task An_admin_creates_a_user_with_a_grant_and_the_new_user_signs_in()
    {
        var page = await app.PageAs("admin");
        await page.GotoAsync("/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建用户" }).ClickAsync();
        var name = "e2e" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("姓名").FillAsync("浏览器 新人");
        await page.GetByLabel("初始密码").FillAsync(Password);
        await page.GetByLabel("角色").SelectOptionAsync(new SelectOptionValue { Label = "社区工作者" });
        await page.GetByLabel("筛选组织").FillAsync("和平社区");
        var heping = await page.Locator("#OrgUnitId option:not([hidden])").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*和平社区党委$") }).First.GetAttributeAsync("value");
        await page.Locator("#OrgUnitId").SelectOptionAsync(heping!);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建用户" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已创建用户“浏览器 新人”");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("社区工作者");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("和平社区");

        var newcomer = await app.PageAs(null);
        await newcomer.GotoAsync("/account/login");
        await newcomer.GetByLabel("用户名").FillAsync(name);
        await newcomer.GetByLabel("密码").FillAsync(Password);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await newcomer.WaitForURLAsync(u => !u.Contains("/account/login"));
        await Assertions.Expect(newcomer.Locator("header")).ToContainTextAsync("和平社区");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Users_user_detail_and_audit_pages_fit_the_screen(bool phone)
    {
        var page = await app.PageAs("admin", phone);
        var suffix = phone ? "phone" : "desktop";

        // The demo bank's depositors fill the first pages; the search finds the secretaries.
        await page.GotoAsync("/users?q=secretary");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("社区党组织书记");
        await CheckFits(page, "users-" + suffix);

        await page.Locator("main table a").Filter(new() { HasText = "和平社区 书记" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("和平社区 书记");
        await CheckFits(page, "user-detail-" + suffix);

        await page.GotoAsync("/audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "验证审计链" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chain-report")).ToContainTextAsync("审计链完整");
        await page.Locator("#audit-entries details").First.Locator("summary").ClickAsync();
        await CheckFits(page, "audit-" + suffix);
    }

    static async Task CheckFits(IPage page, string shot)
    {
        await BrowserApp.Shot(page, shot);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{shot} scrolls sideways");
    }

    [Fact]
    public async Task Users_and_audit_pages_have_no_serious_accessibility_violations()
    {
        var page = await app.PageAs("admin");
        foreach (var url in new[] { "/users", "/users/new", "/audit" })
        {
            await page.GotoAsync(url);
            var result = await page.RunAxe();
            var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url} {v.Id}: {v.Help}").ToList();
            Assert.True(bad.Count == 0, string.Join("\n", bad));
        }
        await page.GotoAsync("/users");
        await page.Locator("main table a").First.ClickAsync();
        var detail = await page.RunAxe();
        Assert.Empty(detail.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
    }

    [Fact]
    public async Task A_secretary_disables_a_user_after_confirming_and_their_session_ends()
    {
        var name = "dis" + Guid.NewGuid().ToString("N")[..6];
        var secretary = await app.PageAs("secretary", phone: true);
        await secretary.GotoAsync("/users/new");
        await secretary.GetByLabel("用户名").FillAsync(name);
        await secretary.GetByLabel("姓名").FillAsync("待停用 社工");
        await secretary.GetByLabel("初始密码").FillAsync(Password);
        await secretary.GetByLabel("角色").SelectOptionAsync(new SelectOptionValue { Label = "社区工作者" });
        await secretary.GetByLabel("筛选组织").FillAsync("和平社区党委");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "创建用户" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("已创建用户");
        var detailUrl = secretary.Url;

        var victim = await app.PageAs(null);
        await victim.GotoAsync("/account/login");
        await victim.GetByLabel("用户名").FillAsync(name);
        await victim.GetByLabel("密码").FillAsync(Password);
        await victim.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await victim.WaitForURLAsync(u => !u.Contains("/account/login"));

        // Dismissing the confirmation changes nothing; accepting it disables.
        secretary.Dialog += DismissOnce;
        await secretary.GetByRole(AriaRole.Button, new() { Name = "停用账号" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "停用账号" })).ToBeVisibleAsync();
        secretary.Dialog += (_, d) => d.AcceptAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "停用账号" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("账号已停用");
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("已停用");
        Assert.Equal(detailUrl, secretary.Url);

        await victim.GotoAsync("/account/change-password"); // "/" is the public front door now: ask for a page that needs sign-in
        Assert.Contains("/account/login", victim.Url);

        static void DismissOnce(object? sender, IDialog d)
        {
            ((IPage)sender!).Dialog -= DismissOnce;
            d.DismissAsync();
        }
    }
}
