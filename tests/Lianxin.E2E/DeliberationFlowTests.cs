using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class DeliberationFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_resident_raises_a_motion_on_a_phone_and_staff_record_the_compound_meeting()
    {
        var title = "楼道堆物清理" + Guid.NewGuid().ToString("N")[..4];
        var resident = await app.PageAs(null, phone: true);
        await resident.GotoAsync("/public/deliberation/new");
        await resident.GetByRole(AriaRole.Link, new() { Name = "和平社区" }).First.ClickAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交议题" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写议题。");
        await resident.GetByLabel("小区").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await resident.GetByLabel("议题").FillAsync(title);
        await resident.GetByLabel("情况和建议").FillAsync("楼道里堆了很多纸箱和旧家具，有消防隐患，建议定个日子一起清理。");
        await resident.GetByLabel("您的称呼（可不填）").FillAsync("2 幢 周阿姨");
        Assert.False(await Overflows(resident));
        await BrowserApp.Shot(resident, "deliberation-public-phone");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交议题" }).ClickAsync();
        await Assertions.Expect(resident.Locator("h1")).ToHaveTextAsync("议题已提交");

        var staff = await app.PageAs("staff");
        await staff.GotoAsync("/deliberation?mine=true");
        await staff.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-level]")).ToHaveTextAsync("小区议事会");
        await staff.GetByLabel("地点").FillAsync("小区党群议事角");
        await staff.GetByLabel("主持人").FillAsync("网格党支部书记 孙建军");
        await staff.GetByLabel("参加人数").FillAsync("9");
        await staff.GetByLabel("参加人员（姓名与身份，如业主代表、物业、党支部）").FillAsync("网格党支部 2 人、业委会 2 人、物业 1 人、楼栋长 2 人、居民代表 2 人");
        await staff.GetByLabel("各方意见").FillAsync("物业：可提供车辆清运；居民：希望提前三天通知，贵重物品自行处理。");
        await staff.GetByLabel("议事结果").FillAsync("本周六上午集中清理，物业清运，楼栋长提前三天入户通知。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存议事记录" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("议题已议定");
        await Assertions.Expect(staff.Locator("[data-state]")).ToHaveTextAsync("已议定");
        await Assertions.Expect(staff.Locator("[data-meeting]")).ToHaveCountAsync(1);
        await BrowserApp.Shot(staff, "deliberation-motion-desktop");

        var phone = await app.PageAs("staff", phone: true);
        await phone.GotoAsync(staff.Url);
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "deliberation-motion-phone");
        await phone.GotoAsync("/deliberation/compounds");
        await BrowserApp.Shot(phone, "deliberation-compounds-phone");
        await staff.GotoAsync("/deliberation/figures");
        await BrowserApp.Shot(staff, "deliberation-figures-desktop");
        var judge = await app.PageAs("judge", phone: true);
        await judge.GotoAsync("/mediation");
        await judge.GetByRole(AriaRole.Link).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^TJ") }).First.ClickAsync();
        await BrowserApp.Shot(judge, "mediation-case-phone");
    }

    [Fact]
    public async Task A_community_secretary_finds_the_compound_by_typing_and_raises_a_motion_there()
    {
        // Issue 15: the form no longer lists every compound in scope; the picker searches them as one types.
        var title = "电动车充电桩" + Guid.NewGuid().ToString("N")[..4];
        foreach (var phone in new[] { true, false })
        {
            var page = await app.PageAs("secretary", phone);
            await page.GotoAsync("/deliberation/new");
            // A compound further down than the first offered, by its name (read from the select the picker keeps as the field).
            var name = await page.Locator("#Input_CompoundId option[data-name]").Nth(1).GetAttributeAsync("data-name");
            var picker = page.GetByRole(AriaRole.Combobox, new() { Name = "小区" });
            var list = page.GetByRole(AriaRole.Listbox, new() { Name = "小区" });
            await picker.PressSequentiallyAsync(name!);
            await Assertions.Expect(list).ToHaveAttributeAsync("aria-busy", "false");
            var option = list.GetByRole(AriaRole.Option, new() { Name = "和平社区 / " }).Filter(new() { HasText = name! }).First;
            await Assertions.Expect(option).ToBeVisibleAsync();
            Assert.False(await Overflows(page));
            await BrowserApp.Shot(page, phone ? "deliberation-new-picker-phone" : "deliberation-new-picker-desktop");
            if (phone) continue;
            await option.ClickAsync();
            await Assertions.Expect(picker).ToHaveValueAsync(name!);
            await Assertions.Expect(page.Locator(".lx-picker-chosen")).ToContainTextAsync("已选：东湖街道 / 和平社区 / ");
            await page.GetByLabel("议题").FillAsync(title);
            await page.GetByLabel("情况和建议").FillAsync("小区电动车在楼道充电，有火灾隐患，建议在空地集中安装充电桩。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(name!);
            await BrowserApp.Shot(page, "deliberation-new-raised-desktop");
        }
    }
}
