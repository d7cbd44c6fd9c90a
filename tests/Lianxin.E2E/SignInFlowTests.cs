using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class SignInFlowTests(BrowserApp app)
{
    [Fact]
    public async Task A_secretary_signs_in_and_sees_their_community_in_the_header()
    {
        var page = await app.PageAs("secretary");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("和平社区党委");
        await BrowserApp.Shot(page, "home-desktop");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Chinese_message()
    {
        var page = await app.PageAs(null);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("staff");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");
    }

    [Fact]
    public async Task The_home_page_fits_a_phone()
    {
        var page = await app.PageAs("street", phone: true);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await BrowserApp.Shot(page, "home-phone");
        Assert.False(overflow, "the page scrolls sideways at phone width");
    }

    [Theory]
    [InlineData(null, "/account/login")]
    [InlineData("secretary", "/")]
    public async Task Sign_in_and_home_pages_have_no_serious_accessibility_violations(string? user, string url)
    {
        var page = await app.PageAs(user);
        await page.GotoAsync(url);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }
}
