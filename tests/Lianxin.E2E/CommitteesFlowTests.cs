using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class CommitteesFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    static async Task<List<string>> Serious(IPage page, string where) =>
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{where} {v.Id}: {v.Help}").ToList();

    [Fact]
    public async Task The_street_reads_terms_falling_due_and_a_rectification_plan_at_desktop_and_on_a_phone()
    {
        var street = await app.PageAs("street");
        await street.GotoAsync("/partywork/committees");
        await Assertions.Expect(street.Locator("h1")).ToContainTextAsync("支部班子与换届");
        await Assertions.Expect(street.Locator("#cm-list")).ToContainTextAsync("和平社区");
        var bad = await Serious(street, "committees");
        await BrowserApp.Shot(street, "partywork-committees-desktop");

        await street.GotoAsync("/partywork/rectifications");
        await Assertions.Expect(street.Locator("#rf-list")).ToContainTextAsync("整顿中");
        bad.AddRange(await Serious(street, "rectifications"));
        await BrowserApp.Shot(street, "partywork-rectifications-desktop");
        await street.Locator("#rf-list table a").First.ClickAsync();
        await Assertions.Expect(street.Locator("#rf-tasks")).ToBeVisibleAsync();
        bad.AddRange(await Serious(street, "rectification"));
        await BrowserApp.Shot(street, "partywork-rectification-desktop");
        Assert.Empty(bad);

        var phone = await app.PageAs("street", phone: true);
        foreach (var (url, name) in new[] { ("/partywork/committees", "committees"), ("/partywork/rectifications", "rectifications"), ("/partywork/reserves", "reserves") })
        {
            await phone.GotoAsync(url);
            Assert.False(await Overflows(phone), url + " overflows at phone width");
            await BrowserApp.Shot(phone, $"partywork-{name}-phone");
        }
    }
}
