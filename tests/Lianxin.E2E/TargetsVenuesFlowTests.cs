using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class TargetsVenuesFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_street_reads_target_completion_at_desktop_and_a_community_books_a_room_at_phone_width()
    {
        var street = await app.PageAs("street");
        await street.GotoAsync("/targets");
        await street.GetByRole(AriaRole.Link, new() { Name = "召开红色议事会协商议题" }).ClickAsync();
        var heping = street.Locator("tr[data-community='和平社区党委']");
        await Assertions.Expect(heping).ToContainTextAsync("已完成");
        await Assertions.Expect(heping).ToContainTextAsync("第 1 名");
        await Assertions.Expect(street.Locator("tr[data-status=Late]").First).ToContainTextAsync("逾期未完成");
        await BrowserApp.Shot(street, "targets-board-desktop");
        await street.GotoAsync("/targets");
        await BrowserApp.Shot(street, "targets-list-desktop");

        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync("/venues");
        await phone.GetByRole(AriaRole.Link, new() { Name = "和平社区党群服务中心" }).ClickAsync();
        var day = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-dd");
        await phone.GetByLabel("日期").FillAsync(day);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var room = phone.Locator("[data-room='党员活动室']");
        await room.GetByText("预约此功能室").ClickAsync();
        await room.GetByLabel("开始").FillAsync("09:00");
        await room.GetByLabel("结束").FillAsync("11:00");
        await room.GetByLabel("用途").FillAsync("支部委员会会议");
        await room.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("预约成功");
        await Assertions.Expect(phone.Locator("[data-room='党员活动室'] [data-booking]")).ToContainTextAsync("09:00–11:00");

        // The same stretch again is refused with the reason on the page.
        await room.GetByText("预约此功能室").ClickAsync();
        await room.GetByLabel("开始").FillAsync("10:00");
        await room.GetByLabel("结束").FillAsync("12:00");
        await room.GetByLabel("用途").FillAsync("重复的预约");
        await room.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".alert-danger")).ToContainTextAsync("该时段已被预约");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "venue-booking-phone");
    }
}
