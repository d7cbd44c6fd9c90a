using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class ReviewPhotosFlowTests(BrowserApp app)
{
    /// <summary>A real 8×8 PNG.</summary>
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=");

    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_reviewer_attaches_a_photo_to_an_item_on_a_phone()
    {
        var name = $"照片观摩{Guid.NewGuid().ToString("N")[..4]}";
        var street = await app.PageAs("street");
        street.Dialog += (_, d) => d.AcceptAsync();
        await street.GotoAsync("/reviews/rounds/new");
        await street.GetByLabel("名称").FillAsync(name);
        await street.GetByLabel("和平社区党委").CheckAsync();
        await street.GetByLabel("观摩评委 周立新").CheckAsync();
        await street.GetByLabel("观摩开始日期").FillAsync("2026-12-01");
        await street.GetByLabel("观摩结束日期").FillAsync("2026-12-01");
        var visit = street.Locator("[data-testid=visit]", new() { HasText = "和平社区党委" });
        await visit.GetByLabel("观摩顺序").FillAsync("1");
        await visit.GetByLabel("观摩时间").FillAsync("2026-12-01T09:30");
        await street.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(street.Locator("[data-testid=visit-at]")).ToContainTextAsync("12-01 09:30");
        await street.GetByRole(AriaRole.Button, new() { Name = "开始评分" }).ClickAsync();
        await Assertions.Expect(street.GetByRole(AriaRole.Status)).ToContainTextAsync("已开始评分");

        // The new-round form with its itinerary fits a phone.
        var streetPhone = await app.PageAs("street", phone: true);
        await streetPhone.GotoAsync("/reviews/rounds/new");
        Assert.False(await Overflows(streetPhone));
        await BrowserApp.Shot(streetPhone, "reviews-round-new-phone");

        var phone = await app.PageAs("reviewer", phone: true);
        await phone.GotoAsync("/reviews/sheets");
        await phone.Locator(".lx-card", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "和平社区党委" }).ClickAsync();
        await phone.Locator("#item_A1").FillAsync("13");

        // Not a photo: a clear message on the item, nothing kept.
        await phone.Locator("#photo_A1").SetInputFilesAsync(new FilePayload { Name = "记录.txt", MimeType = "text/plain", Buffer = "会议记录"u8.ToArray() });
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("照片未能上传，评分也未保存")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".lx-score-item", new() { HasText = "不是图片" })).ToHaveCountAsync(1);

        await phone.Locator("#item_A1").FillAsync("13");
        await phone.Locator("#photo_A1").SetInputFilesAsync(new FilePayload { Name = "阵地.png", MimeType = "image/png", Buffer = Png });
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("草稿已保存");
        var thumb = phone.Locator("[data-testid=item-photos] img");
        await Assertions.Expect(thumb).ToHaveCountAsync(1);
        await Assertions.Expect(thumb).ToBeVisibleAsync();
        // The thumbnail really loaded through the scope-checked endpoint.
        await phone.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=item-photos] img'); return i && i.complete && i.naturalWidth === 8; }");
        await Assertions.Expect(phone.Locator("#item_A1")).ToHaveValueAsync("13");
        Assert.False(await Overflows(phone));
        await thumb.ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Shots, "reviews-photo-phone.png") });
        await BrowserApp.Shot(phone, "reviews-photo-phone-full");
    }
}
