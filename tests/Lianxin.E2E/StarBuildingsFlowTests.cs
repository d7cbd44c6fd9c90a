using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class StarBuildingsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_street_rates_two_buildings_of_heping_a_reviewer_scores_one_on_a_phone_and_it_gets_its_stars()
    {
        var name = $"浏览器星级楼组{Guid.NewGuid().ToString("N")[..4]}";
        var street = await app.PageAs("street");
        street.Dialog += (_, d) => d.AcceptAsync();
        await street.GotoAsync("/reviews");
        await street.GetByRole(AriaRole.Link, new() { Name = "新建星级楼组评定" }).ClickAsync();
        await street.GetByLabel("评哪个社区的楼栋").SelectOptionAsync(new SelectOptionValue { Label = "和平社区党委" });
        await street.GetByRole(AriaRole.Button, new() { Name = "列出楼栋" }).ClickAsync();
        var visits = street.Locator("[data-testid=visit]");
        await Assertions.Expect(visits.First).ToBeVisibleAsync();
        await street.GetByLabel("名称").FillAsync(name);
        var building = (await visits.Nth(0).Locator("label").InnerTextAsync()).Trim();
        var second = (await visits.Nth(1).Locator("label").InnerTextAsync()).Trim();
        await visits.Nth(0).GetByRole(AriaRole.Checkbox).CheckAsync();
        await visits.Nth(1).GetByRole(AriaRole.Checkbox).CheckAsync();
        await street.GetByLabel("观摩评委 周立新").CheckAsync();
        await BrowserApp.Shot(street, "reviews-building-round-new-desktop");
        await street.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await street.GetByRole(AriaRole.Button, new() { Name = "开始评分" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Status)).ToContainTextAsync("已开始评分");

        var phone = await app.PageAs("reviewer", phone: true);
        foreach (var (target, i) in new[] { (building, 0), (second, 1) })
        {
            await phone.GotoAsync("/reviews/sheets");
            await phone.Locator(".lx-card", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = target }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(target);
            var less = i == 0 ? 0 : 4;
            foreach (var (code, max) in new[] { ("A1", 20.0), ("A2", 10.0), ("B1", 20.0), ("B2", 20.0), ("C2", 10.0) })
                await phone.Locator($"#item_{code}").FillAsync((max - less).ToString());
            await phone.Locator("#item_C1").FillAsync("0");
            if (i == 0)
            {
                Assert.False(await Overflows(phone));
                await BrowserApp.Shot(phone, "reviews-building-score-phone");
            }
            await phone.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("评分已提交");
        }

        await street.ReloadAsync();
        await street.GetByRole(AriaRole.Button, new() { Name = "截止评分" }).ClickAsync();
        await street.GetByRole(AriaRole.Button, new() { Name = "发布结果" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Status)).ToContainTextAsync("结果已发布");
        await Assertions.Expect(street.Locator("[data-testid=ranking] thead")).ToContainTextAsync("楼栋");

        // 100 points: 5★ for the first building; the community's secretary sees it on a phone.
        var secretary = await app.PageAs("secretary", phone: true);
        await secretary.GotoAsync("/reviews/buildings");
        var row = secretary.Locator("[data-testid=star-buildings] li", new() { HasText = building });
        await Assertions.Expect(row).ToContainTextAsync("5 星");
        Assert.False(await Overflows(secretary));
        await BrowserApp.Shot(secretary, "reviews-star-buildings-phone");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(secretary.Locator("[data-testid=star-level]")).ToHaveTextAsync("5 星");
        await Assertions.Expect(secretary.GetByText(name).First).ToBeVisibleAsync();
        Assert.False(await Overflows(secretary));
        await BrowserApp.Shot(secretary, "reviews-building-stars-phone");

        await secretary.GotoAsync("/reviews/cultivation");
        Assert.False(await Overflows(secretary));
        await BrowserApp.Shot(secretary, "reviews-cultivation-phone");
        await secretary.GotoAsync("/reviews/five-star");
        Assert.False(await Overflows(secretary));
        await BrowserApp.Shot(secretary, "reviews-five-star-phone");
    }
}
