using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class GridViewFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_secretary_reads_the_grid_view_fills_a_gap_and_checks_it_on_a_phone()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/members/grid-view");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("后三级网格");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("本网格尚无党员中心户");
        var gaps = int.Parse((await page.Locator("#gaps .fs-5").First.InnerTextAsync()).Trim());
        await BrowserApp.Shot(page, "members-grid-view-desktop");

        // A building without a 楼栋长: pick a member of the community on its page; the gap count drops by one.
        await page.Locator("a[aria-label^='指定：楼栋长']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("楼栋长");
        await page.Locator("#Assign_MemberId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("为楼栋长");
        await BrowserApp.Shot(page, "members-building-leader-desktop");
        await page.GotoAsync("/members/grid-view");
        Assert.Equal(gaps - 1, int.Parse((await page.Locator("#gaps .fs-5").First.InnerTextAsync()).Trim()));

        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync("/members/grid-view");
        // Collapsible per grid: a closed grid opens on a tap.
        var grids = phone.Locator("details.lx-grid");
        Assert.True(await grids.CountAsync() >= 3);
        var closed = phone.Locator("details.lx-grid:not([open]) > summary");
        if (await closed.CountAsync() > 0) await closed.First.ClickAsync();
        await BrowserApp.Shot(phone, "members-grid-view-phone");
        Assert.False(await Overflows(phone), "the grid view scrolls sideways at phone width");
    }

    [Fact]
    public async Task A_resident_recommends_a_central_household_on_a_phone_without_signing_in()
    {
        var staff = await app.PageAs("secretary");
        await staff.GotoAsync("/members/central");
        var links = staff.Locator("a[href^='/public/compounds/']");
        var hrefs = new List<string>();
        for (var i = 0; i < await links.CountAsync(); i++) hrefs.Add((await links.Nth(i).GetAttributeAsync("href"))!);

        var phone = await app.PageAs(null, phone: true);
        // The compound of the grid with the demo nominee lists a candidate.
        string? url = null;
        foreach (var h in hrefs)
        {
            await phone.GotoAsync(h);
            if (await phone.Locator("input[name='Input.CentralHouseholdId']").CountAsync() > 0) { url = h; break; }
        }
        Assert.NotNull(url);
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("推荐党员中心户");
        await BrowserApp.Shot(phone, "members-public-recommend-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交推荐" }).ClickAsync();
        await Assertions.Expect(phone.Locator("body")).ToContainTextAsync("请填写推荐人姓名");

        await phone.Locator("input[name='Input.CentralHouseholdId']").First.CheckAsync();
        await phone.Locator("#Input_HouseholdId").SelectOptionAsync(new SelectOptionValue { Index = 5 });
        await phone.Locator("#Input_Name").FillAsync("孙桂英");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交推荐" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".alert-success")).ToContainTextAsync("孙**");
        await Assertions.Expect(phone.Locator("body")).Not.ToContainTextAsync("孙桂英");
        await BrowserApp.Shot(phone, "members-public-recommend-done-phone");
        Assert.False(await Overflows(phone), "the recommendation page scrolls sideways at phone width");
    }
}
