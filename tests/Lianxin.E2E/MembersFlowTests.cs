using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class MembersFlowTests(BrowserApp app)
{
    static async Task<int> Figure(IPage page, string name) => int.Parse(await page.Locator($"[data-figure='{name}']").InnerTextAsync());

    [Fact]
    public async Task A_member_reports_and_claims_a_post_and_the_secretary_approves_and_sees_the_figures_change()
    {
        var secretary = await app.PageAs("secretary");
        await secretary.GotoAsync("/members/dual");
        var reportedBefore = await Figure(secretary, "reported");
        var activeBefore = await Figure(secretary, "active");

        var member = await app.PageAs("member", phone: true);
        await member.GotoAsync("/members/me");
        await member.GetByLabel("报到社区").SelectOptionAsync(new SelectOptionValue { Label = "中共和平社区委员会" });
        await member.GetByLabel("特长技能").FillAsync("法律咨询");
        await member.GetByLabel("可服务时间").FillAsync("周末上午");
        await member.GetByRole(AriaRole.Button, new() { Name = "报到", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator("body")).ToContainTextAsync("已向中共和平社区委员会报到");
        await member.Locator("div.border", new() { HasText = "党员先锋岗·邻里调解" }).GetByLabel("我的承诺").FillAsync("每周六上午到社区参与邻里调解");
        await member.GetByRole(AriaRole.Button, new() { Name = "认领 党员先锋岗·邻里调解" }).ClickAsync();
        await Assertions.Expect(member.Locator("body")).ToContainTextAsync("已提交认岗申请");
        await Assertions.Expect(member.Locator("body")).ToContainTextAsync("待审核");
        var overflow = await member.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await BrowserApp.Shot(member, "members-me-phone");
        Assert.False(overflow, "the member page scrolls sideways at phone width");

        await secretary.GotoAsync("/members/dual");
        Assert.Equal(reportedBefore + 1, await Figure(secretary, "reported"));
        await secretary.GotoAsync("/members/posts");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "批准 李建华" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("body")).ToContainTextAsync("已批准认岗");
        await BrowserApp.Shot(secretary, "members-posts-desktop");
        await secretary.GotoAsync("/members/dual");
        Assert.Equal(activeBefore + 1, await Figure(secretary, "active"));
        await BrowserApp.Shot(secretary, "members-dual-desktop");

        await member.ReloadAsync();
        await Assertions.Expect(member.Locator("body")).ToContainTextAsync("每周六上午到社区参与邻里调解");
        await BrowserApp.Shot(member, "members-me-after-phone");
    }

    [Theory]
    [InlineData("/members")]
    [InlineData("/members/dual")]
    [InlineData("/members/posts")]
    [InlineData("/members/central")]
    public async Task Member_pages_fit_a_phone(string url)
    {
        var page = await app.PageAs("secretary", phone: true);
        await page.GotoAsync(url);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await BrowserApp.Shot(page, "members" + url.Replace("/members", "").Replace("/", "-") + "-phone");
        Assert.False(overflow, $"{url} scrolls sideways at phone width");
    }

    [Fact]
    public async Task The_roster_list_and_a_member_card_on_a_desktop()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/members");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("党员名册");
        await BrowserApp.Shot(page, "members-list-desktop");
        await page.Locator("table a").First.ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("组织关系转接记录");
        await BrowserApp.Shot(page, "members-card-desktop");
    }
}
