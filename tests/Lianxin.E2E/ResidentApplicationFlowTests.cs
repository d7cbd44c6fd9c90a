using Deque.AxeCore.Playwright;
using Lianxin.Web.Modules.Members.Contracts;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class ResidentApplicationFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_resident_applies_on_a_phone_and_the_grid_branch_secretary_sees_the_applicant_on_the_board()
    {
        var resident = await app.PageAs("resident", phone: true);
        await resident.GotoAsync("/partywork/apply");
        await Assertions.Expect(resident.Locator("h1")).ToContainTextAsync("申请入党");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交入党申请" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择您所在的小区或网格（须已设立党支部）。");

        var option = await resident.Locator("#Input_Place option", new() { HasText = "第一网格党支部" }).First.GetAttributeAsync("value");
        await resident.Locator("#Input_Place").SelectOptionAsync(option!);
        await resident.GetByLabel("姓名").FillAsync("吴晓岚");
        await resident.GetByLabel("公民身份号码").FillAsync(CitizenIds.Make("330193", new DateOnly(1997, 6, 18), 128));
        await resident.GetByLabel("手机号码").FillAsync("13588886666");
        await resident.GetByLabel("想对党组织说的话（可不填）").FillAsync("在小区做了两年楼道志愿者，希望向党组织靠拢。");
        await BrowserApp.Shot(resident, "partywork-apply-form-phone");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交入党申请" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("入党申请已提交");
        var mine = resident.Locator("[data-my-application]");
        await Assertions.Expect(mine).ToContainTextAsync("第一网格党支部");
        await Assertions.Expect(mine.Locator("[data-step]")).ToHaveTextAsync("递交入党申请书");
        await Assertions.Expect(mine.Locator("[data-state]")).ToHaveTextAsync("发展中");
        await Assertions.Expect(resident.GetByRole(AriaRole.Button, new() { Name = "提交入党申请" })).ToHaveCountAsync(0);
        Assert.False(await Overflows(resident));
        var bad = (await resident.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.Empty(bad);
        await BrowserApp.Shot(resident, "partywork-apply-mine-phone");

        var grid = await app.PageAs("grid", phone: true);
        await grid.GotoAsync("/partywork");
        await Assertions.Expect(grid.Locator("#pw-board")).ToContainTextAsync("吴晓岚");
        await BrowserApp.Shot(grid, "partywork-board-resident-applicant-phone");
    }
}
