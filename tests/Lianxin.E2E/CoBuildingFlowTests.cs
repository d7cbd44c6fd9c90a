using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class CoBuildingFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_secretary_lists_and_edits_a_partner_unit_at_desktop_and_the_liaison_opens_their_unit_on_a_phone()
    {
        var staff = await app.PageAs("secretary");
        await staff.GotoAsync("/cobuilding");
        await staff.GetByLabel("单位类型").SelectOptionAsync(new SelectOptionValue { Label = "国有企业" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await BrowserApp.Shot(staff, "cobuilding-list-desktop");
        await staff.GetByRole(AriaRole.Link, new() { Name = "东湖农商银行和平支行" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await staff.GetByLabel("联系电话").FillAsync("电话");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("联系电话只能包含数字和“-”，7–20 位。");
        await staff.GetByLabel("联系电话").FillAsync("0571-8864-5577");
        await staff.GetByLabel("党建指导员").FillAsync("李明辉");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("共建单位信息已保存");
        await Assertions.Expect(staff.Locator("dl")).ToContainTextAsync("李明辉");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("东湖街道大工委");
        await BrowserApp.Shot(staff, "cobuilding-unit-desktop");

        var liaison = await app.PageAs("liaison", phone: true);
        await liaison.GotoAsync("/cobuilding");
        await liaison.GetByRole(AriaRole.Link, new() { Name = "青禾供电公司东湖供电所" }).ClickAsync();
        await liaison.GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await Assertions.Expect(liaison.GetByLabel("联络员账号")).ToHaveCountAsync(0);
        await liaison.GetByLabel("联系人").FillAsync("赵磊（党务）");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(liaison.GetByRole(AriaRole.Status)).ToContainTextAsync("共建单位信息已保存");
        Assert.False(await Overflows(liaison));
        await BrowserApp.Shot(liaison, "cobuilding-unit-phone");

        var street = await app.PageAs("street");
        await street.GotoAsync("/cobuilding");
        await street.GetByRole(AriaRole.Link, new() { Name = "东湖街道大工委" }).ClickAsync();
        await Assertions.Expect(street.Locator("h1")).ToHaveTextAsync("东湖街道大工委");
        await Assertions.Expect(street.Locator("main table tbody tr")).ToHaveCountAsync(8);
        await BrowserApp.Shot(street, "cobuilding-committee-desktop");
    }
}
