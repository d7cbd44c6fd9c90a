using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class TrainingFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_member_signs_in_to_a_training_by_opening_its_QR_link_on_a_phone_and_the_organiser_reads_the_ranking_at_desktop()
    {
        var street = await app.PageAs("street");
        await street.GotoAsync("/orglife/training");
        await BrowserApp.Shot(street, "training-list-desktop");
        await street.GetByRole(AriaRole.Link, new() { Name = "万名党员进党校：学习贯彻党的二十届三中全会精神" }).First.ClickAsync();
        await Assertions.Expect(street.Locator("#qr-title")).ToHaveTextAsync("扫码签到");
        await Assertions.Expect(street.Locator("main svg").First).ToBeVisibleAsync();
        var link = await street.Locator("#sign-in-link").GetAttributeAsync("href");
        Assert.Contains("/orglife/training/scan?t=", link);
        await BrowserApp.Shot(street, "training-session-desktop");

        // 李建华 (street agency branch) opens the code's link on his phone and signs in as himself.
        var member = await app.PageAs("member", phone: true);
        await member.GotoAsync(link!);
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("万名党员进党校");
        Assert.False(await Overflows(member));
        await BrowserApp.Shot(member, "training-scan-phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "本人签到" }).ClickAsync();
        await Assertions.Expect(member.Locator("#signed-in")).ToHaveTextAsync("签到成功");
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("李建华");
        Assert.False(await Overflows(member));
        await BrowserApp.Shot(member, "training-signed-in-phone");

        await member.GetByRole(AriaRole.Link, new() { Name = "我的组织生活（写培训心得）" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "生成订阅链接" }).ClickAsync();
        await Assertions.Expect(member.Locator("#feed-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/orglife/feeds/member/.+\\.ics$"));
        Assert.False(await Overflows(member));
        await BrowserApp.Shot(member, "training-me-phone");

        await street.ReloadAsync();
        await Assertions.Expect(street.Locator("main")).ToContainTextAsync("李建华");
        var lastMonth = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM");
        await street.GotoAsync($"/orglife/training/ranking?kind=Drill&month={lastMonth}");
        await Assertions.Expect(street.Locator("h1")).ToHaveTextAsync("月练兵排名");
        var ranks = await street.Locator("#ranking tbody tr td:first-child").AllInnerTextsAsync();
        Assert.True(ranks.Count >= 3);
        Assert.Equal(["1", "1"], ranks.Take(2).Select(r => r.Trim())); // the demo's two top scores tie
        await BrowserApp.Shot(street, "training-ranking-desktop");
        await street.GotoAsync("/orglife/training/coverage");
        await Assertions.Expect(street.Locator("#coverage")).ToContainTextAsync("合计");
        await BrowserApp.Shot(street, "training-coverage-desktop");
    }
}
