using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class CalendarFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_district_enters_a_holiday_and_a_make_up_Saturday_and_removes_one_after_confirming()
    {
        var desktop = await app.PageAs("admin");
        await desktop.GotoAsync("/");
        await desktop.GetByRole(AriaRole.Link, new() { Name = "工作日历" }).First.ClickAsync();
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "工作日历" })).ToBeVisibleAsync();
        await desktop.GotoAsync("/calendar?year=2026");
        await Assertions.Expect(desktop.Locator("[data-day='2026-02-14']")).ToContainTextAsync("调休上班");
        await BrowserApp.Shot(desktop, "calendar-2026-desktop");

        var page = await app.PageAs("admin", phone: true);
        await page.GotoAsync("/calendar?year=2035");
        await Assertions.Expect(page.Locator("[data-testid=empty]")).ToContainTextAsync("2035 年尚未录入节假日");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "calendar-empty-phone");

        // A make-up working day on a weekday is explained, and nothing is saved.
        await page.GetByLabel("日期").FillAsync("2035-02-05");
        await page.GetByLabel("类型").SelectOptionAsync("Workday");
        await page.GetByLabel("名称").FillAsync("春节");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("调休上班日应为周六或周日");

        await page.GetByLabel("日期").FillAsync("2035-02-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已录入");
        await page.GetByLabel("日期").FillAsync("2035-02-08");
        await page.GetByLabel("类型").SelectOptionAsync("Holiday");
        await page.GetByLabel("名称").FillAsync("春节");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-day='2035-02-08']")).ToContainTextAsync("法定节假日");
        await Assertions.Expect(page.Locator("[data-day='2035-02-03']")).ToContainTextAsync("调休上班");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "calendar-entered-phone");

        // Dismissing the confirmation keeps the day; accepting it removes it.
        var row = page.Locator("[data-day='2035-02-08']");
        page.Dialog += DismissOnce;
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        page.Dialog += (_, d) => d.AcceptAsync();
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已删除");
        await Assertions.Expect(page.Locator("[data-day='2035-02-08']")).ToHaveCountAsync(0);

        static void DismissOnce(object? sender, IDialog d)
        {
            ((IPage)sender!).Dialog -= DismissOnce;
            d.DismissAsync();
        }
    }
}
