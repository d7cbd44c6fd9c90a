using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class CentralHouseholdsFlowTests(BrowserApp app)
{
    static async Task<int> Figure(IPage page, string name) => int.Parse(await page.Locator($"[data-figure='{name}']").InnerTextAsync());

    [Fact]
    public async Task A_secretary_assigns_households_to_a_central_household_on_desktop_and_phone()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/members/central");
        await page.Locator("a[aria-label^='分配联系户']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("分配联系户");
        var before = await Figure(page, "grid-looked-after");
        var mine = await Figure(page, "looked-after");
        var free = page.Locator("input[name='Form.HouseholdIds']:not(:checked):not(:disabled)");
        await free.Nth(0).CheckAsync();
        await free.Nth(0).CheckAsync(); // the first one is now checked, so Nth(0) is the next free one
        await BrowserApp.Shot(page, "members-central-households-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存联系户" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync($"共 {mine + 2} 户");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync($"联系 {before} → {before + 2} 户");
        Assert.Equal(before + 2, await Figure(page, "grid-looked-after"));
        Assert.Equal(mine + 2, await Figure(page, "looked-after"));
        await BrowserApp.Shot(page, "members-central-households-saved-desktop");

        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync(page.Url);
        Assert.Equal(mine + 2, await phone.Locator("input[name='Form.HouseholdIds']:checked").CountAsync());
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await BrowserApp.Shot(phone, "members-central-households-phone");
        Assert.False(overflow, "the households page scrolls sideways at phone width");
    }
}
