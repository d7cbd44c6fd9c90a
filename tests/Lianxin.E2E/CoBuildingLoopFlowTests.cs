using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>The liaison of 东湖供电所 on a phone: answers a need of 和平社区 with the unit's resource, then reports the unit's obligation with a photo.</summary>
[Collection(BrowserCollection.Name)]
public class CoBuildingLoopFlowTests(BrowserApp app)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=");
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_liaison_on_a_phone_answers_a_need_and_reports_fulfilment_with_a_photo()
    {
        var phone = await app.PageAs("liaison", phone: true);
        await phone.GotoAsync("/cobuilding/needs");
        await phone.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "设备" });
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "cobuilding-needs-phone");
        await phone.GetByRole(AriaRole.Link, new() { Name = "电动自行车充电桩维修" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "以本单位资源响应" })).ToBeVisibleAsync();
        // Staff's suggestions are not the liaison's to confirm.
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "推荐资源" })).ToHaveCountAsync(0);
        await phone.GetByLabel("资源", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "充电桩检修（剩余 10 台）" });
        await phone.GetByLabel("承诺数量").FillAsync("11");
        await phone.GetByRole(AriaRole.Button, new() { Name = "响应需求" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("该资源只剩 10，不能承诺 11。");
        await phone.GetByLabel("承诺数量").FillAsync("6");
        await phone.GetByLabel("备注").FillAsync("本周六上午上门");
        await phone.GetByRole(AriaRole.Button, new() { Name = "响应需求" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("对接已确认");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("已满足");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("（单位响应）");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "cobuilding-need-answered-phone");

        await phone.GotoAsync("/cobuilding/agreements");
        await phone.GetByRole(AriaRole.Link, new() { Name = "“点亮楼道”照明改造共建协议" }).ClickAsync();
        var owed = phone.Locator("section", new() { HasText = "派党员电工完成 12 幢楼道照明检修更换" });
        await owed.GetByLabel("履约情况").FillAsync("12 幢楼道灯具全部检修更换完毕，共更换声控灯 86 盏。");
        await owed.GetByLabel("现场照片（最多 3 张，每张不超过 5 MB）").SetInputFilesAsync(new FilePayload { Name = "楼道.png", MimeType = "image/png", Buffer = Png });
        await BrowserApp.Shot(phone, "cobuilding-fulfilment-form-phone");
        await owed.GetByRole(AriaRole.Button, new() { Name = "登记履约" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("履约已登记，附照片 1 张");
        var done = phone.Locator("section", new() { HasText = "派党员电工完成 12 幢楼道照明检修更换" });
        await Assertions.Expect(done.GetByText("已履约")).ToBeVisibleAsync();
        await Assertions.Expect(done.GetByRole(AriaRole.Img, new() { Name = "履约照片" })).ToBeVisibleAsync();
        // The community's own obligation is not the liaison's to report.
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "登记履约" })).ToHaveCountAsync(0);
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "cobuilding-fulfilment-phone");

        var secretary = await app.PageAs("secretary");
        await secretary.GotoAsync("/cobuilding/needs");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "防范电信诈骗宣传" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("金融知识讲师");
        await BrowserApp.Shot(secretary, "cobuilding-need-suggestions-desktop");
    }
}
