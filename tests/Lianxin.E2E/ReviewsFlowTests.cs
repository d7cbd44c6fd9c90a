using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class ReviewsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_reviewer_scores_on_a_phone_and_the_coordinator_publishes_and_sees_the_ranking_chart()
    {
        var name = $"浏览器观摩{Guid.NewGuid().ToString("N")[..4]}";
        var street = await app.PageAs("street");
        street.Dialog += (_, d) => d.AcceptAsync();
        await street.GotoAsync("/reviews/rounds/new");
        await street.GetByLabel("名称").FillAsync(name);
        await street.GetByLabel("和平社区党委").CheckAsync();
        await street.GetByLabel("幸福社区党委").CheckAsync();
        await street.GetByLabel("观摩评委 周立新").CheckAsync();
        await street.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await street.GetByRole(AriaRole.Button, new() { Name = "开始评分" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Status)).ToContainTextAsync("已开始评分");

        var phone = await app.PageAs("reviewer", phone: true);
        foreach (var unit in new[] { "和平社区党委", "幸福社区党委" })
        {
            await phone.GotoAsync("/reviews/sheets");
            await phone.Locator(".lx-card", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = unit }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(unit);
            var less = unit == "和平社区党委" ? 0.5 : 2;
            foreach (var (code, max) in new[] { ("A1", 15.0), ("A3", 10.0), ("B1", 20.0), ("B2", 15.0), ("B3", 10.0), ("C1", 10.0), ("C2", 5.0) })
                await phone.Locator($"#item_{code}").FillAsync((max - less).ToString());
            await phone.Locator("#item_A2").FillAsync("1");
            if (unit == "和平社区党委")
            {
                await phone.Locator("#item_A1").FillAsync("16");
                await phone.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
                await Assertions.Expect(phone.GetByText("的得分须在 0 到 15 之间。")).ToBeVisibleAsync();
                Assert.False(await Overflows(phone));
                await BrowserApp.Shot(phone, "reviews-score-error-phone");
                await phone.Locator("#item_A1").FillAsync("14.5");
            }
            await phone.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("评分已提交");
        }
        await BrowserApp.Shot(phone, "reviews-sheets-phone");

        await street.ReloadAsync();
        await street.GetByRole(AriaRole.Button, new() { Name = "截止评分" }).ClickAsync();
        await street.GetByRole(AriaRole.Button, new() { Name = "发布结果" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Status)).ToContainTextAsync("结果已发布");
        await Assertions.Expect(street.Locator("#rankChart canvas")).ToBeVisibleAsync();
        await Assertions.Expect(street.Locator("#radarChart canvas")).ToBeVisibleAsync();
        var ranking = street.Locator("[data-testid=ranking] tbody tr");
        await Assertions.Expect(ranking.First).ToContainTextAsync("和平社区党委");
        await Assertions.Expect(ranking.First.Locator("td").First).ToHaveTextAsync("1");
        await BrowserApp.Shot(street, "reviews-results-desktop");

        var streetPhone = await app.PageAs("street", phone: true);
        await streetPhone.GotoAsync(street.Url);
        await Assertions.Expect(streetPhone.Locator("#rankChart canvas")).ToBeVisibleAsync();
        Assert.False(await Overflows(streetPhone));
        await BrowserApp.Shot(streetPhone, "reviews-results-phone");

        // The scoring page at phone width, read-only after submitting.
        await phone.GotoAsync("/reviews/sheets");
        await phone.Locator(".lx-card", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "和平社区党委" }).ClickAsync();
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "reviews-score-phone");
    }
}
