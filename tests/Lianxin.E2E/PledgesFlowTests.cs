using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class PledgesFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_pledge_with_progress_shows_on_the_public_board_at_desktop_and_phone_width()
    {
        var staff = await app.PageAs("secretary");
        await staff.GotoAsync("/pledges/new");
        await staff.GetByLabel("承诺事项").FillAsync("浏览器测试：修缮社区活动室");
        await staff.GetByLabel("责任人").FillAsync("社区书记 陈建国");
        var due = DateTime.UtcNow.AddHours(8).AddDays(40).ToString("yyyy-MM-dd");
        await staff.GetByLabel("完成时限").FillAsync(due);
        await staff.GetByLabel("任务 1", new() { Exact = true }).FillAsync("粉刷墙面");
        await staff.GetByLabel("任务时限 1").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(20).ToString("yyyy-MM-dd"));
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("承诺事项已创建");
        await staff.GetByLabel("进度（%）").FillAsync("35");
        await staff.GetByLabel("进展情况").FillAsync("墙面已粉刷一半。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("进度已登记");
        await BrowserApp.Shot(staff, "pledge-detail-desktop");

        await staff.GotoAsync("/pledges");
        var boardLink = staff.GetByRole(AriaRole.Link, new() { Name = "和平社区党委" });
        var href = await boardLink.GetAttributeAsync("href");

        foreach (var phone in new[] { false, true })
        {
            var page = await app.PageAs(null, phone);
            await page.GotoAsync(href!);
            var card = page.Locator("article", new() { HasText = "浏览器测试：修缮社区活动室" });
            await Assertions.Expect(card).ToContainTextAsync("35%");
            await Assertions.Expect(card).ToContainTextAsync("按期推进");
            await Assertions.Expect(card).ToContainTextAsync("墙面已粉刷一半。");
            await Assertions.Expect(page.Locator("article[data-status=Late]").First).ToContainTextAsync("滞后");
            Assert.False(await Overflows(page));
            await BrowserApp.Shot(page, phone ? "pledge-board-phone" : "pledge-board-desktop");
        }
    }
}
