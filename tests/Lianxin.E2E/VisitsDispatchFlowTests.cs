using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class VisitsDispatchFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_grid_leader_logs_a_visit_on_a_phone_and_raises_a_demand_and_the_community_reads_its_weekly_dispatch_at_desktop()
    {
        var grid = await app.PageAs("grid", phone: true);
        await grid.GotoAsync("/orglife/visits");
        await BrowserApp.Shot(grid, "visits-list-phone");
        await grid.GetByRole(AriaRole.Link, new() { Name = "登记走访" }).ClickAsync();
        var household = grid.GetByLabel("走访住户");
        await household.SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await grid.GetByLabel("走访情况", new() { Exact = true }).FillAsync("老人反映楼下路灯坏了，晚上不敢出门散步。");
        await grid.GetByLabel("同时登记为诉求（来源：入户走访）").CheckAsync();
        await grid.GetByLabel("诉求类别").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await grid.GetByLabel("联系人").FillAsync("孙奶奶");
        await grid.GetByLabel("联系电话").FillAsync("13907771234");
        Assert.False(await Overflows(grid));
        await BrowserApp.Shot(grid, "visits-new-phone");
        await grid.GetByRole(AriaRole.Button, new() { Name = "保存走访" }).ClickAsync();

        await Assertions.Expect(grid.GetByRole(AriaRole.Status)).ToContainTextAsync("走访已登记，并已转为诉求");
        Assert.False(await Overflows(grid));
        await BrowserApp.Shot(grid, "visits-detail-phone");
        await grid.Locator("[data-demand]").ClickAsync();
        await Assertions.Expect(grid.Locator("[data-source]")).ToHaveTextAsync("入户走访");
        await BrowserApp.Shot(grid, "visits-demand-phone");

        var staff = await app.PageAs("staff");
        await staff.GotoAsync("/orglife/dispatch");
        await staff.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=agenda]")).ToContainTextAsync("诉求");
        await Assertions.Expect(staff.Locator("[data-testid=items]")).ToContainTextAsync("督促物业修复 3 号楼单元门禁");
        await staff.GetByLabel("事项内容").FillAsync("回访孙奶奶路灯修复情况");
        await staff.GetByLabel("责任人").FillAsync("刘网格长");
        await staff.GetByLabel("完成期限").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(5).ToString("yyyy-MM-dd"));
        await staff.GetByRole(AriaRole.Button, new() { Name = "添加事项" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("事项已添加");
        await Assertions.Expect(staff.Locator("[data-testid=items]")).ToContainTextAsync("回访孙奶奶路灯修复情况");
        await BrowserApp.Shot(staff, "dispatch-desktop");

        await staff.GotoAsync("/orglife/visits");
        await BrowserApp.Shot(staff, "visits-list-desktop");
        var secretary = await app.PageAs("grid");
        await secretary.GotoAsync("/orglife/plans");
        await secretary.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(secretary.Locator("[data-testid=plan]")).ToContainTextAsync("主题党日");
        await BrowserApp.Shot(secretary, "plan-desktop");
    }
}
