using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>宣传稿件: a community worker writes and submits an item on a phone, the street publishes it, residents read it on the street's public page.</summary>
[Collection(BrowserCollection.Name)]
public class ShowcaseNewsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    static async Task NoSeriousAxeViolations(IPage page, string where)
    {
        var bad = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{where} {v.Id}: {v.Help}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public async Task A_community_submits_news_on_a_phone_the_street_publishes_it_and_the_public_page_shows_it()
    {
        var title = "浏览器测试：和平社区为高龄老人上门理发" + Guid.NewGuid().ToString("N")[..4];

        var phone = await app.PageAs("staff", phone: true);
        await phone.GotoAsync("/showcase/news");
        await phone.GetByRole(AriaRole.Link, new() { Name = "撰写稿件" }).ClickAsync();
        await phone.GetByLabel("标题").FillAsync(title);
        await phone.GetByLabel("正文").FillAsync("社区党委组织党员志愿者为辖区 12 位高龄老人上门理发，老人们连声称赞。");
        await phone.GetByLabel("公众号").CheckAsync();
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "showcase-news-edit-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存并提交街道审核" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交街道审核");
        await Assertions.Expect(phone.GetByTestId("news-state")).ToHaveTextAsync("待街道审核");
        Assert.False(await Overflows(phone));

        var street = await app.PageAs("street");
        await street.GotoAsync("/showcase/news?state=Submitted");
        var publicLink = await street.GetByRole(AriaRole.Link, new() { Name = "东湖街道 公开页" }).GetAttributeAsync("href");
        await street.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(street.GetByTestId("news-body")).ToContainTextAsync("12 位高龄老人");
        await street.GetByLabel("网站").CheckAsync();
        await NoSeriousAxeViolations(street, "news detail");
        await BrowserApp.Shot(street, "showcase-news-review-desktop");
        await street.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核通过并发布");
        await Assertions.Expect(street.GetByTestId("news-state")).ToHaveTextAsync("已发布");

        foreach (var (resident, width) in new[] { (await app.PageAs(null, phone: true), "phone"), (await app.PageAs(null), "desktop") })
        {
            await resident.GotoAsync(publicLink!);
            await resident.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Assertions.Expect(resident.GetByTestId("public-news-body")).ToContainTextAsync("12 位高龄老人");
            Assert.False(await Overflows(resident));
            await NoSeriousAxeViolations(resident, $"public item {width}");
            await BrowserApp.Shot(resident, $"showcase-news-public-item-{width}");
            await resident.GotoAsync(publicLink!);
            Assert.False(await Overflows(resident));
            await BrowserApp.Shot(resident, $"showcase-news-public-{width}");
        }
        // Items still under review are not on the public page.
        await phone.GotoAsync(publicLink!);
        await Assertions.Expect(phone.GetByText("温青工作室：把矛盾化解在家门口")).ToHaveCountAsync(0);

        // The module's other pages, at phone width (the community worker) and desktop width (the street).
        foreach (var (url, name) in new[] { ("/showcase/brands", "brands"), ("/showcase/sites", "sites"), ("/showcase/honours", "honours"), ("/showcase/news/figures", "figures") })
        {
            await phone.GotoAsync(url);
            Assert.False(await Overflows(phone), url);
            await BrowserApp.Shot(phone, $"showcase-{name}-phone");
            await street.GotoAsync(url);
            await BrowserApp.Shot(street, $"showcase-{name}-desktop");
        }
    }
}
