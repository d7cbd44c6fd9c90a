using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class FrontDoorFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_resident_finds_the_ways_in_on_the_front_door_and_reaches_the_intake_from_a_board(bool phone)
    {
        var page = await app.PageAs(null, phone);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我要反映诉求" })).ToHaveAttributeAsync("href", "/public/demands/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" })).ToHaveAttributeAsync("href", "/public/demands/track");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "工作人员登录" })).ToHaveAttributeAsync("href", "/account/login");
        // Big touch targets: the two main doors are at least 48px high at any width.
        var heights = await page.Locator(".lx-door").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 48, $"a door is {h}px high"));
        Assert.False(await Overflows(page), "the front door scrolls sideways");
        await BrowserApp.Shot(page, phone ? "front-door-phone" : "front-door-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("为民解忧榜");
        await BrowserApp.Shot(page, phone ? "front-door-board-phone" : "front-door-board-desktop");
        // Late is red; on track is another colour.
        var late = await page.Locator("article[data-status=Late] .badge").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var onTrack = await page.Locator("article[data-status=OnTrack] .badge").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(220, 53, 69)", late);
        Assert.NotEqual(late, onTrack);

        await page.GetByRole(AriaRole.Link, new() { Name = "我要反映诉求" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/public/demands/new$"));
    }

    [Fact]
    public async Task The_front_door_has_no_serious_accessibility_violations()
    {
        var page = await app.PageAs(null);
        await page.GotoAsync("/");
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }
}
