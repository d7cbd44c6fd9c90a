using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class DemandsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_resident_files_a_demand_on_a_phone_and_follows_it()
    {
        var page = await app.PageAs(null, phone: true);
        await page.GotoAsync("/public/demands/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("所在社区")).ToContainTextAsync("和平社区");

        // A mistake is explained next to the field, and nothing is filed.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择诉求类别");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "demand-intake-errors-phone");

        await page.GetByLabel("诉求类别").SelectOptionAsync(new SelectOptionValue { Label = "设施维修" });
        await page.GetByLabel("诉求内容").FillAsync("小区儿童滑梯断裂，孩子玩耍有危险，请尽快维修。");
        await page.GetByLabel("小区").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("称呼").FillAsync("黄女士");
        await page.GetByLabel("联系电话").FillAsync("13955554321");
        await BrowserApp.Shot(page, "demand-intake-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();

        var ticket = page.Locator("[data-ticket]");
        await Assertions.Expect(ticket).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^SQ\\d{8}[2-9A-Z]{6}$"));
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "demand-submitted-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await page.GetByLabel("手机号后四位").FillAsync("4321");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-state]")).ToHaveTextAsync("待受理");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("黄女士");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "demand-track-phone");
    }

    [Fact]
    public async Task A_signed_in_resident_files_a_demand_and_finds_it_under_my_demands_on_a_phone()
    {
        var page = await app.PageAs("resident", phone: true);
        await page.GotoAsync("/public/demands/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区" }).First.ClickAsync();
        await page.GetByLabel("诉求类别").SelectOptionAsync(new SelectOptionValue { Label = "设施维修" });
        await page.GetByLabel("诉求内容").FillAsync("单元门禁坏了，老人进出不便，请尽快修理。");
        await page.GetByLabel("小区").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("称呼").FillAsync("王秀英");
        await page.GetByLabel("联系电话").FillAsync("13955557788");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        var ticket = await page.Locator("[data-ticket]").InnerTextAsync();

        await page.GotoAsync("/demands/mine");
        var row = page.Locator($"[data-my-demand='{ticket}']");
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("待受理");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "my-demands-phone");
        await row.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/public/demands/track"));
    }

    [Fact]
    public async Task Community_staff_accept_a_demand_from_its_detail_page()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/demands?state=Submitted&level=Community");
        await BrowserApp.Shot(page, "demand-list-desktop");
        await page.Locator("table tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-state]")).ToHaveTextAsync("待受理");
        await page.GetByLabel("办理说明").FillAsync("已联系物业，明日处理。");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        await Assertions.Expect(page.Locator("[data-state]")).ToHaveTextAsync("办理中");
        await BrowserApp.Shot(page, "demand-detail-desktop");
        await page.GotoAsync("/demands/figures");
        await Assertions.Expect(page.GetByText("满意率").First).ToBeVisibleAsync();
        await BrowserApp.Shot(page, "demand-figures-desktop");
    }

    [Fact]
    public async Task A_grid_leader_records_a_visit_on_a_phone_for_a_compound_of_their_grid()
    {
        var page = await app.PageAs("grid", phone: true);
        await page.GotoAsync("/demands");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记诉求" }).ClickAsync();
        await page.GetByLabel("诉求类别").SelectOptionAsync(new SelectOptionValue { Label = "设施维修" });
        await page.GetByLabel("来源").SelectOptionAsync(new SelectOptionValue { Label = "走访" });
        await page.GetByLabel("诉求内容").FillAsync("走访时居民反映：单元楼道灯不亮，夜间出行不便。");
        await page.GetByLabel("具体地点").FillAsync("2 号楼 1 单元");
        await page.GetByLabel("称呼").FillAsync("周大爷");
        await page.GetByLabel("联系电话").FillAsync("13955550011");
        // Without a compound of the grid the form says what to pick.
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择小区");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "demand-grid-visit-phone");

        await page.GetByLabel("小区").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("诉求已登记，受理编号");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "demand-grid-visit-filed-phone");
    }
}
