using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class DemandCategoriesFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task Street_staff_add_a_category_on_a_phone_and_disable_it_after_confirming()
    {
        var page = await app.PageAs("street", phone: true);
        await page.GotoAsync("/demands/categories");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("环境卫生");
        Assert.False(await Overflows(page));

        // A mistake is explained, nothing added.
        await page.GetByLabel("办结时限（工作日）").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写类别名称");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("办结时限须在 1–60 个工作日之间");
        await BrowserApp.Shot(page, "demand-categories-errors-phone");

        var name = "违章搭建" + Guid.NewGuid().ToString("N")[..3];
        await page.GetByLabel("类别名称").FillAsync(name);
        await page.GetByLabel("默认办理层级").SelectOptionAsync(new SelectOptionValue { Label = "街道" });
        await page.GetByLabel("办结时限（工作日）").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已添加类别“{name}”");
        var row = page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("街道");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "demand-categories-phone");

        // Disabling asks first (a confirm dialog, accepted here).
        page.Dialog += (_, d) => d.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已停用");
        await Assertions.Expect(page.Locator("tr", new() { HasText = name })).ToContainTextAsync("已停用");
        await BrowserApp.Shot(page, "demand-categories-disabled-phone");
    }
}
