using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>Services on a resident's behalf: a resident books an appointment slot on a phone and sees it when tracking.</summary>
[Collection(BrowserCollection.Name)]
public class ServicesFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_resident_books_an_appointment_on_a_phone_and_sees_it_on_the_tracking_page()
    {
        var page = await app.PageAs(null, phone: true);
        await page.GotoAsync("/public/demands/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区" }).First.ClickAsync();

        // The slot field appears only for a service category.
        var slot = page.GetByLabel("预约时段");
        await Assertions.Expect(slot).ToBeHiddenAsync();
        await page.GetByLabel("诉求类别").SelectOptionAsync(new SelectOptionValue { Label = "代办服务（需预约）" });
        await Assertions.Expect(slot).ToBeVisibleAsync();

        // Without a slot the form says so, and nothing is filed.
        await page.GetByLabel("诉求内容").FillAsync("家中老人行动不便，请社区帮忙代办高龄津贴年审。");
        await page.GetByLabel("小区").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("称呼").FillAsync("钱先生");
        await page.GetByLabel("联系电话").FillAsync("13966668765");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择预约时段");

        await page.GetByLabel("预约时段").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        // "When · 余 N 位 · place": the earliest slot, which may be the demo's or one another test published for tomorrow.
        var option = (await page.GetByLabel("预约时段").Locator("option:checked").InnerTextAsync()).Split('·');
        var (chosen, place) = (option[0].Trim(), option[^1].Trim());
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "service-booking-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-ticket]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^SQ\\d{8}[2-9A-Z]{6}$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await page.GetByLabel("手机号后四位").FillAsync("8765");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var appointment = page.Locator("[data-appointment]");
        await Assertions.Expect(appointment).ToContainTextAsync(chosen);
        await Assertions.Expect(appointment).ToContainTextAsync(place);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("钱先生");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "service-track-phone");
    }

    [Fact]
    public async Task Community_staff_see_the_week_of_slots_and_publish_one()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/demands/slots");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("预约时段");
        await page.GetByRole(AriaRole.Link, new() { Name = "下一周" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-slot]").First).ToBeVisibleAsync();
        await page.GetByLabel("办理地点").FillAsync("社区老年活动室");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布预约时段");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("社区老年活动室");
        await BrowserApp.Shot(page, "service-slots-desktop");
        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync("/demands/slots");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "service-slots-phone");
    }
}
