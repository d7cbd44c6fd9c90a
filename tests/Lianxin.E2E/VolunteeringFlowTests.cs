using System.Text.RegularExpressions;
using Lianxin.Web.Platform.Time;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class VolunteeringFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_community_publishes_an_activity_and_the_resident_signs_up_and_checks_in_by_its_code_on_a_phone()
    {
        // Starts in half an hour (Beijing time), so it is still open for sign-up and check-in is already open.
        var start = ChinaTime.ToBeijing(DateTime.UtcNow.AddMinutes(30));
        start = start.AddSeconds(-start.Second);
        var end = start.Date == start.AddHours(1).Date ? start.AddHours(1) : start.Date.AddHours(23).AddMinutes(59);
        var title = "楼道杂物清理" + Guid.NewGuid().ToString("N")[..4];

        var staff = await app.PageAs("staff");
        await staff.GotoAsync("/volunteering/activities/new");
        await staff.GetByLabel("活动名称").FillAsync(title);
        await staff.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "环境整治" });
        await staff.GetByLabel("活动地点").FillAsync("和平里小区 5 幢楼道");
        await staff.GetByLabel("活动日期").FillAsync(start.ToString("yyyy-MM-dd"));
        await staff.GetByLabel("开始时间").FillAsync(start.ToString("HH:mm"));
        await staff.GetByLabel("结束时间").FillAsync(end.ToString("HH:mm"));
        await staff.GetByLabel("招募人数").FillAsync("6");
        await staff.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("志愿活动已发布");
        var activityUrl = staff.Url;

        var resident = await app.PageAs("resident", phone: true);
        await resident.GotoAsync("/volunteering");
        await Assertions.Expect(resident.GetByRole(AriaRole.Link, new() { Name = "周末亲子环境整治" })).ToBeVisibleAsync();
        Assert.False(await Overflows(resident));
        await BrowserApp.Shot(resident, "volunteering-list-phone");
        await resident.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "我要报名" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("报名成功");
        await Assertions.Expect(resident.GetByLabel("我的报名")).ToContainTextAsync("已报名");
        Assert.False(await Overflows(resident));
        await BrowserApp.Shot(resident, "volunteering-signed-up-phone");

        // The organiser shows the activity's code; the resident's phone opens the link it carries.
        await staff.GotoAsync(activityUrl);
        await Assertions.Expect(staff.Locator("main table")).ToContainTextAsync("王秀英");
        await BrowserApp.Shot(staff, "volunteering-organiser-desktop");
        var scanUrl = await staff.GetByRole(AriaRole.Link, new() { Name = "签到链接" }).GetAttributeAsync("href");
        await resident.GotoAsync(scanUrl!);
        var hourBefore = ChinaTime.ToBeijing(DateTime.UtcNow).ToString("HH:");
        await resident.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("签到成功");
        Assert.False(await Overflows(resident));
        await BrowserApp.Shot(resident, "volunteering-checked-in-phone");

        await staff.ReloadAsync();
        // The check-in's time shows, in the hour it was made (which may have turned while the test ran).
        var hourAfter = ChinaTime.ToBeijing(DateTime.UtcNow).ToString("HH:");
        await Assertions.Expect(staff.Locator("main table tbody tr", new() { HasText = "王秀英" })).ToContainTextAsync(new Regex($"{hourBefore}|{hourAfter}"));

        // A sign-up for next week shows on the resident's own page above the record, which ends today.
        await resident.GotoAsync("/volunteering");
        await resident.GetByRole(AriaRole.Link, new() { Name = "爱心理发进社区" }).ClickAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "我要报名" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("报名成功");
        await resident.GotoAsync("/volunteering/me");
        await Assertions.Expect(resident.GetByRole(AriaRole.Region, new() { Name = "即将参加" })).ToContainTextAsync("爱心理发进社区");
        await Assertions.Expect(resident.Locator("main")).ToContainTextAsync(title);
        Assert.False(await Overflows(resident));
        await BrowserApp.Shot(resident, "volunteering-me-phone");
        var desktop = await app.PageAs("resident");
        await desktop.GotoAsync("/volunteering/me");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Region, new() { Name = "即将参加" })).ToContainTextAsync("爱心理发进社区");
        await BrowserApp.Shot(desktop, "volunteering-me-desktop");
        await resident.GetByRole(AriaRole.Link, new() { Name = "志愿服务记录证明" }).ClickAsync();
        await Assertions.Expect(resident.Locator("h1")).ToHaveTextAsync("志愿服务记录证明");
        await BrowserApp.Shot(resident, "volunteering-certificate-phone");
    }
}
