using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class RollupsFlowTests(BrowserApp app)
{
    [Fact]
    public async Task The_street_compares_its_communities_and_opens_its_big_screen_at_1920_by_1080_without_an_account()
    {
        var street = await app.PageAs("street");
        await street.GotoAsync("/rollups");
        await Assertions.Expect(street.GetByRole(AriaRole.Heading, new() { Name = "对标对表" })).ToBeVisibleAsync();
        await Assertions.Expect(street.Locator("#compareTable tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(street.Locator("#compareTable")).ToContainTextAsync("和平社区");
        // Sorting by a column puts the rows in order of that figure.
        await street.Locator("#compareTable thead th").Nth(1).ClickAsync(new() { Position = new() { X = 2, Y = 2 } });
        await Assertions.Expect(street.Locator("#compareTable thead th").Nth(1)).ToHaveAttributeAsync("aria-sort", "ascending");
        await BrowserApp.Shot(street, "rollups-compare-desktop");
        // An indicator's name opens its trend: twelve months, the chart and the table.
        await street.Locator("#compareTable thead th a").First.ClickAsync();
        await Assertions.Expect(street.Locator("#trendChart canvas")).ToBeVisibleAsync();
        await Assertions.Expect(street.Locator("table tbody tr")).ToHaveCountAsync(12);
        await BrowserApp.Shot(street, "rollups-trend-desktop");
        await street.GoBackAsync();

        await street.GetByRole(AriaRole.Button, new() { Name = "生成大屏链接" }).ClickAsync();
        var link = await street.Locator(".alert-success a").GetAttributeAsync("href");
        Assert.StartsWith("/screen/", link);

        var screen = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1920, Height = 1080 } })).NewPageAsync();
        await screen.GotoAsync(link!);
        await Assertions.Expect(screen.GetByRole(AriaRole.Heading, new() { Name = "东湖街道 · 党建引领基层治理" })).ToBeVisibleAsync();
        await Assertions.Expect(screen.Locator("#chart0 canvas")).ToBeVisibleAsync();
        Assert.False(await screen.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await screen.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Shots, "rollups-screen-1920.png") });

        var phone = await app.PageAs("street", phone: true);
        await phone.GotoAsync("/rollups");
        await BrowserApp.Shot(phone, "rollups-compare-phone");
        await phone.Locator("#compareTable thead th a").First.ClickAsync();
        await Assertions.Expect(phone.Locator("#trendChart canvas")).ToBeVisibleAsync();
        await BrowserApp.Shot(phone, "rollups-trend-phone");
    }

    [Fact]
    public async Task A_secretary_reads_any_indicator_as_a_line_on_the_unit_page_at_desktop_and_phone_width()
    {
        foreach (var phone in new[] { false, true })
        {
            var page = await app.PageAs("secretary", phone);
            await page.GotoAsync("/org");
            await page.Locator("a[href^='/org/']", new() { HasText = "和平社区" }).First.ClickAsync();
            var panel = page.Locator("#unitTrends");
            await Assertions.Expect(panel.Locator("canvas")).ToBeVisibleAsync();
            await panel.Locator("#trendCode").SelectOptionAsync(new SelectOptionValue { Label = "诉求受理件数" });
            await panel.GetByText("按季度").ClickAsync();
            await Assertions.Expect(panel.Locator("[data-trend-link]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("quarters=true"));
            await Assertions.Expect(panel.Locator("[data-trend-status]")).Not.ToContainTextAsync("失败");
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
            await panel.ScrollIntoViewIfNeededAsync();
            await BrowserApp.Shot(page, phone ? "unit-indicator-trend-phone" : "unit-indicator-trend-desktop");
        }
    }
}
