using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class CoBuildingAlliancesFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_community_reads_its_cobuilding_figures_at_desktop_and_on_a_phone_and_the_street_compares_its_communities()
    {
        var desk = await app.PageAs("secretary");
        await desk.GotoAsync("/cobuilding/figures");
        await desk.GetByLabel("统计期").FillAsync("2026");
        await desk.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#figuresTable thead")).ToContainTextAsync("联盟平均规模");
        await Assertions.Expect(desk.Locator("#figuresTable tfoot")).ToContainTextAsync("和平社区");
        await Assertions.Expect(desk.Locator("#export")).ToBeVisibleAsync();
        await BrowserApp.Shot(desk, "cobuilding-figures-desktop");

        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync("/cobuilding/figures?period=2026");
        await Assertions.Expect(phone.Locator("#figuresTable")).ToBeVisibleAsync();
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "cobuilding-figures-phone");

        var street = await app.PageAs("street");
        await street.GotoAsync("/cobuilding/figures?period=2026");
        await Assertions.Expect(street.Locator("#figuresTable tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(street.Locator("#figuresTable tfoot")).ToContainTextAsync("合计");
        await BrowserApp.Shot(street, "cobuilding-figures-street-desktop");
    }

    [Fact]
    public async Task A_secretary_on_a_phone_adds_a_unit_to_the_shopping_street_alliance_and_lets_it_leave_after_confirming()
    {
        var page = await app.PageAs("secretary", phone: true);
        await page.GotoAsync("/cobuilding/alliances");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平路商业街区党建联盟" }).ClickAsync();
        await Assertions.Expect(page.Locator("#memberCount")).ToHaveTextAsync("12");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "cobuilding-alliance-phone");

        await page.GetByLabel("单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "东湖农商银行和平支行（国有企业）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "加入", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("单位已加入联盟");
        await Assertions.Expect(page.Locator("#memberCount")).ToHaveTextAsync("13");

        page.Dialog += (_, d) => d.AcceptAsync();
        var row = page.Locator("#members li").Filter(new() { HasText = "东湖农商银行和平支行" });
        await row.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("该单位已退出联盟");
        await Assertions.Expect(page.Locator("#memberCount")).ToHaveTextAsync("12");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "cobuilding-alliance-phone-after");
    }
}
