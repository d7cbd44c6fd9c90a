using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class MobileMembersFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_secretary_marks_a_returned_member_as_away_again_and_the_grid_branch_sees_its_mobile_members_on_a_phone()
    {
        var secretary = await app.PageAs("secretary");
        await secretary.GotoAsync("/members/mobile?All=true");
        await Assertions.Expect(secretary.Locator("[data-mobile-figures]")).ToContainTextAsync("第一网格党支部");
        await BrowserApp.Shot(secretary, "members-mobile-desktop");
        var back = secretary.Locator("[data-mobile-row]", new() { HasText = "已返回" }).First;
        var name = (await back.Locator("a").First.TextContentAsync())!.Trim();
        await back.Locator("a").First.ClickAsync();
        await Assertions.Expect(secretary.Locator("h1")).ToContainTextAsync(name);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".text-danger", new() { HasText = "请填写外出所在城市。" })).ToBeVisibleAsync();
        await secretary.GetByLabel("外出所在城市").FillAsync("安徽省合肥市");
        await secretary.GetByLabel("工作单位").FillAsync("合肥某新能源汽车零部件厂");
        await secretary.GetByLabel("联系电话").FillAsync("13966012345");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("外出流动");
        await Assertions.Expect(secretary.Locator("[data-mobile-current]")).ToContainTextAsync("13966012345");
        await BrowserApp.Shot(secretary, "members-mobile-member-desktop");

        var grid = await app.PageAs("grid", phone: true);
        await grid.GotoAsync("/members/mobile");
        await Assertions.Expect(grid.Locator("[data-mobile-row]", new() { HasText = name })).ToContainTextAsync("139****2345");
        Assert.False(await Overflows(grid));
        await BrowserApp.Shot(grid, "members-mobile-phone");
    }
}
