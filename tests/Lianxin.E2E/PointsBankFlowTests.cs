using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class PointsBankFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_merchant_redeems_a_residents_points_at_the_till_on_a_phone()
    {
        // The resident shows their code (the copy under the QR, as a person would paste it when the camera cannot read it).
        var resident = await app.PageAs("resident", phone: true);
        await resident.GotoAsync("/pointsbank/me");
        var before = int.Parse(await resident.GetByTestId("balance").InnerTextAsync());
        Assert.True(before >= 20, $"the demo gives the resident points to spend, not {before}");
        await resident.GetByText("无法扫码时，复制兑换码").ClickAsync();
        var code = await resident.GetByTestId("code").InputValueAsync();
        Assert.False(await Overflows(resident));
        await BrowserApp.Shot(resident, "pointsbank-me-phone");

        var merchant = await app.PageAs("merchant", phone: true);
        await merchant.GotoAsync("/pointsbank/shop");
        await Assertions.Expect(merchant.Locator("h1")).ToHaveTextAsync("便民超市");
        await Assertions.Expect(merchant.Locator("main")).ToContainTextAsync("抽纸 1 提");
        await Assertions.Expect(merchant.GetByRole(AriaRole.Button, new() { Name = "用摄像头扫描储户的兑换码" })).ToBeVisibleAsync();
        Assert.False(await Overflows(merchant));
        await BrowserApp.Shot(merchant, "pointsbank-till-phone");
        await merchant.GetByLabel("储户兑换码").FillAsync(code);
        var tissues = await merchant.Locator("#Redeem_ItemId option", new() { HasText = "抽纸 1 提" }).GetAttributeAsync("value");
        await merchant.GetByLabel("商品", new() { Exact = true }).SelectOptionAsync(tissues!);
        await merchant.GetByRole(AriaRole.Button, new() { Name = "冻结积分" }).ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("state")).ToHaveTextAsync("待确认");
        await Assertions.Expect(merchant.Locator("main")).ToContainTextAsync("居**"); // the demo resident's display name, "居民 王秀英", masked
        Assert.False(await Overflows(merchant));
        await BrowserApp.Shot(merchant, "pointsbank-hold-phone");
        await merchant.GetByRole(AriaRole.Button, new() { Name = "确认兑换（已交付商品）" }).ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("state")).ToHaveTextAsync("已兑换");
        await BrowserApp.Shot(merchant, "pointsbank-confirmed-phone");

        await resident.ReloadAsync();
        await Assertions.Expect(resident.GetByTestId("balance")).ToHaveTextAsync((before - 20).ToString());
        await Assertions.Expect(resident.Locator("main")).ToContainTextAsync("抽纸 1 提");

        // The shop's last settlement, at phone width as the merchant reads it.
        await merchant.GotoAsync("/pointsbank/shop");
        await merchant.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^结算单") }).First.ClickAsync();
        await Assertions.Expect(merchant.Locator("main")).ToContainTextAsync("便民超市");
        Assert.False(await Overflows(merchant));
        await BrowserApp.Shot(merchant, "pointsbank-settlement-phone");
    }

    [Fact]
    public async Task The_bank_pages_read_at_desktop_and_phone_width()
    {
        foreach (var phone in new[] { false, true })
        {
            var width = phone ? "phone" : "desktop";
            var staff = await app.PageAs("staff", phone);
            await staff.GotoAsync("/pointsbank");
            await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("便民超市");
            Assert.False(await Overflows(staff), "/pointsbank overflows at " + width);
            await BrowserApp.Shot(staff, "pointsbank-office-" + width);

            await staff.GetByRole(AriaRole.Link, new() { Name = "X贤榜" }).ClickAsync();
            await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("X贤榜");
            Assert.False(await Overflows(staff), "the board overflows at " + width);
            await BrowserApp.Shot(staff, "pointsbank-board-" + width);

            await staff.GotoAsync("/pointsbank/rates");
            await Assertions.Expect(staff.GetByTestId("rate-Patrol")).ToContainTextAsync("安全巡防");
            Assert.False(await Overflows(staff), "the rates overflow at " + width);
            await BrowserApp.Shot(staff, "pointsbank-rates-" + width);

            await staff.GotoAsync("/pointsbank/deeds");
            await Assertions.Expect(staff.GetByTestId("waiting-deed").First).ToContainTextAsync("由您登记");
            Assert.False(await Overflows(staff), "the good deeds overflow at " + width);
            await BrowserApp.Shot(staff, "pointsbank-deeds-" + width);

            var member = await app.PageAs("member", phone);
            await member.GotoAsync("/pointsbank/me");
            await Assertions.Expect(member.Locator("main")).ToContainTextAsync("好人好事");
            Assert.False(await Overflows(member), "/pointsbank/me overflows at " + width);
            await BrowserApp.Shot(member, "pointsbank-member-" + width);
        }
    }

    [Fact]
    public async Task Staff_record_a_good_deed_and_only_another_approves_it()
    {
        var staff = await app.PageAs("staff");
        await staff.GotoAsync("/pointsbank/deeds");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("请写明好人好事的经过。");
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("未找到该社区的居民或党员账号。");
        var what = "帮邻居找回走失的老人" + Guid.NewGuid().ToString("N")[..4];
        await staff.GetByLabel("居民或党员的登录账号").FillAsync("member");
        await staff.GetByLabel("积分").FillAsync("30");
        await staff.GetByLabel("事迹").FillAsync(what);
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("待另一名工作人员审核");
        var mine = staff.GetByTestId("waiting-deed").Filter(new() { HasText = what });
        await Assertions.Expect(mine).ToContainTextAsync("由您登记，须另一名工作人员审核。");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "通过" })).ToHaveCountAsync(0);

        var secretary = await app.PageAs("secretary");
        await secretary.GotoAsync("/pointsbank/deeds");
        await secretary.Locator("[data-testid=waiting-deed]", new() { HasText = what }).GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("获得 30 积分");

        await secretary.GotoAsync("/pointsbank/rates");
        var row = secretary.GetByTestId("rate-Publicity");
        await row.Locator("input[name='Input.PointsPerHour']").FillAsync("2000");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("每小时积分须在 0–1000 之间。");
        row = secretary.GetByTestId("rate-Publicity");
        await row.Locator("input[name='Input.PointsPerHour']").FillAsync("9");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("教育宣传：每小时 9 积分");
    }
}
