using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class Open311ClientsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task Street_staff_issue_an_Open311_key_on_a_phone_see_it_once_and_revoke_it()
    {
        var desktop = await app.PageAs("street");
        await desktop.GotoAsync("/demands");
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Open311 接口" }).First.ClickAsync();
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Open311 接口" })).ToBeVisibleAsync();
        await BrowserApp.Shot(desktop, "open311-clients-desktop");

        var page = await app.PageAs("street", phone: true);
        await page.GotoAsync("/demands/open311");
        await Assertions.Expect(page.Locator("[data-client='随手拍（演示客户端）']")).ToBeVisibleAsync();

        // A missing name is explained, and nothing is issued.
        await page.GetByRole(AriaRole.Button, new() { Name = "签发密钥" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写客户端名称");

        var name = "社区随手拍 " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("客户端名称").FillAsync(name);
        await page.GetByLabel("联系人").FillAsync("王工 13800001111");
        await page.GetByRole(AriaRole.Button, new() { Name = "签发密钥" }).ClickAsync();
        var key = page.Locator("[data-key]");
        await Assertions.Expect(key).ToHaveTextAsync(new Regex("^lx311_[a-z0-9]{32}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("只显示这一次");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "open311-key-issued-phone");
        var issued = await key.TextContentAsync();

        // Shown once: the list afterwards has only its first characters.
        await page.GotoAsync("/demands/open311");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(issued!);
        var row = page.Locator($"[data-client='{name}']");
        await Assertions.Expect(row).ToContainTextAsync("有效");

        // Dismissing the confirmation changes nothing; accepting it revokes.
        page.Dialog += DismissOnce;
        await row.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("有效");
        page.Dialog += (_, d) => d.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已吊销");
        await Assertions.Expect(page.Locator($"[data-client='{name}']")).ToContainTextAsync("已吊销");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "open311-clients-phone");

        static void DismissOnce(object? sender, IDialog d)
        {
            ((IPage)sender!).Dialog -= DismissOnce;
            d.DismissAsync();
        }
    }
}
