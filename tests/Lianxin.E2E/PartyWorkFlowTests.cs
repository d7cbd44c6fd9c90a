using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class PartyWorkFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_grid_branch_secretary_names_an_activist_on_a_phone_and_the_street_sees_the_board_at_desktop()
    {
        var grid = await app.PageAs("grid", phone: true);
        await grid.GotoAsync("/partywork");
        await Assertions.Expect(grid.Locator("#pw-board")).ToContainTextAsync("逾期");
        await BrowserApp.Shot(grid, "partywork-board-phone");
        await grid.Locator("#pw-board ul").GetByRole(AriaRole.Link, new() { Name = "陈晓雨" }).ClickAsync();
        await Assertions.Expect(grid.GetByLabel("环节")).ToContainTextAsync("确定为入党积极分子");
        await grid.GetByRole(AriaRole.Button, new() { Name = "确认办理" }).ClickAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Alert)).ToContainTextAsync("确定入党积极分子时须指定培养联系人。");
        await grid.GetByLabel("培养联系人").FillAsync("李建国、周玉兰");
        await grid.GetByLabel("备注").FillAsync("支委会研究确定为入党积极分子。");
        await grid.GetByRole(AriaRole.Button, new() { Name = "确认办理" }).ClickAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Status)).ToContainTextAsync("已办理");
        await Assertions.Expect(grid.Locator("h1")).ToContainTextAsync("入党积极分子");
        await Assertions.Expect(grid.Locator("#pw-entries")).ToContainTextAsync("确定为入党积极分子");
        Assert.False(await Overflows(grid));
        await BrowserApp.Shot(grid, "partywork-recruit-phone");

        var street = await app.PageAs("street");
        await street.GotoAsync("/partywork");
        await Assertions.Expect(street.Locator("#pw-branches")).ToBeVisibleAsync();
        await Assertions.Expect(street.Locator("#pw-board table")).ToContainTextAsync("陈晓雨");
        await Assertions.Expect(street.Locator("#pw-board table tr.table-danger")).ToContainTextAsync("刘子豪");
        await BrowserApp.Shot(street, "partywork-board-desktop");
    }
}
