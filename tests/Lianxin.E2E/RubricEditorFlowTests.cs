using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>The rubric editor as a form, at desktop and phone width.</summary>
[Collection(BrowserCollection.Name)]
public class RubricEditorFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_street_edits_an_item_of_a_rubric_on_a_desktop_and_on_a_phone()
    {
        // Named to sort after the demo rubric: the new-round form preselects the first rubric by name, and other flows rely on it.
        var name = $"细则编辑浏览器{Guid.NewGuid().ToString("N")[..4]}";
        var desk = await app.PageAs("street");
        await desk.GotoAsync("/reviews/rubrics");
        await desk.Locator("#Input_Name").FillAsync(name);
        await desk.Locator("#save").ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("细则已保存。");
        var url = desk.Url;

        // Desktop: retitle item A3, make it a deduction item; its own fields appear with the type.
        await Assertions.Expect(desk.Locator("#i2_per")).ToBeHiddenAsync();
        await desk.Locator("#i2_title").FillAsync("党员双报到：每缺一人次扣分");
        await desk.Locator("#i2_type").SelectOptionAsync("Deduction");
        await Assertions.Expect(desk.Locator("#i2_per")).ToBeVisibleAsync();
        await desk.Locator("#i2_max").FillAsync("12");
        await desk.Locator("#i2_per").FillAsync("12");
        await desk.Locator("#i2_floor").FillAsync("12");
        await desk.Locator("#save").ClickAsync();
        // Refused beside the field, in Chinese; the page keeps what was typed.
        await Assertions.Expect(desk.Locator("#item-2 [data-error=Floor]")).ToHaveTextAsync("扣分项的最低分须不小于 0 且小于满分。");
        await Assertions.Expect(desk.Locator("#i2_title")).ToHaveValueAsync("党员双报到：每缺一人次扣分");
        await BrowserApp.Shot(desk, "rubric-editor-error-desktop");
        await desk.Locator("#item-2").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Shots, "rubric-editor-item-error-desktop.png") });
        await desk.Locator("#i2_per").FillAsync("2");
        await desk.Locator("#i2_floor").FillAsync("0");
        await desk.Locator("#save").ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("细则已保存。");
        await Assertions.Expect(desk.Locator("#i2_type")).ToHaveValueAsync("Deduction");
        await Assertions.Expect(desk.Locator("[data-testid=base-max]")).ToHaveTextAsync("102");
        await BrowserApp.Shot(desk, "rubric-editor-desktop");

        // Phone: add an item to section B, fill it in, move it up, save.
        var phone = await app.PageAs("street", phone: true);
        await phone.GotoAsync(url);
        Assert.False(await Overflows(phone));
        await phone.Locator("#section-1").GetByRole(AriaRole.Button, new() { Name = "添加评分项" }).ClickAsync();
        var added = phone.Locator("#section-1 .lx-item").Last;
        await Assertions.Expect(added.Locator("input[name$='.Code']")).ToHaveValueAsync("B4");
        await added.Locator("input[name$='.Title']").FillAsync("志愿服务常态化");
        await added.Locator("input[name$='.Max']").FillAsync("5");
        await added.GetByRole(AriaRole.Button, new() { Name = "上移 B4" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#section-1 .lx-item").Nth(2).Locator("input[name$='.Title']")).ToHaveValueAsync("志愿服务常态化");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "rubric-editor-phone");
        await phone.Locator("#section-1 .lx-item").Nth(2).ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Shots, "rubric-editor-item-phone.png") });
        await phone.Locator("#save").ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("细则已保存。");
        await Assertions.Expect(phone.Locator("[data-testid=base-max]")).ToHaveTextAsync("107");
        Assert.False(await Overflows(phone));
    }
}
