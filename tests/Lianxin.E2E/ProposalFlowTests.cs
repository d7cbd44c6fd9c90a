using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>网上提议 (issue 10): a resident files a proposal from the front door on a phone; a signed-in resident follows theirs; the tree of a past day.</summary>
[Collection(BrowserCollection.Name)]
public class ProposalFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_resident_files_a_proposal_from_the_front_door_on_a_phone()
    {
        var title = "空地改建口袋公园" + Guid.NewGuid().ToString("N")[..4];
        var page = await app.PageAs(null, phone: true);
        await page.GotoAsync("/");
        await BrowserApp.Shot(page, "proposal-front-door-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = "我要提议" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我要提议");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "proposal-community-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区", Exact = true }).ClickAsync();

        // Nothing written: the form says what is missing, field by field.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交提议" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写提议的题目。");
        await page.GetByLabel("提议涉及").SelectOptionAsync(new SelectOptionValue { Label = "阳光花园" });
        await page.GetByLabel("题目").FillAsync(title);
        await page.GetByLabel("提议内容").FillAsync("小区东侧空地长期闲置，堆放杂物。建议改成口袋公园，放几张座椅和健身器材。");
        await page.GetByPlaceholder("称呼，如：3 幢张阿姨").FillAsync("5 幢 王阿姨");
        await page.GetByPlaceholder("联系电话").FillAsync("13912345678");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "proposal-form-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交提议" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("提议已提交");
        await BrowserApp.Shot(page, "proposal-submitted-phone");

        // The compound's branch secretary has it on the agenda of the compound council, as an online proposal.
        var secretary = await app.PageAs("compound");
        await secretary.GotoAsync("/deliberation?mine=true");
        await secretary.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(secretary.Locator("[data-level]")).ToHaveTextAsync("小区议事会");
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("网上提议");
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("13912345678");
        await BrowserApp.Shot(secretary, "proposal-motion-desktop");
    }

    [Fact]
    public async Task A_signed_in_resident_sees_my_proposals_on_a_phone()
    {
        var title = "楼道加装扶手" + Guid.NewGuid().ToString("N")[..4];
        var page = await app.PageAs("resident", phone: true);
        await page.GotoAsync("/public/proposals/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区", Exact = true }).ClickAsync();
        await page.GetByLabel("题目").FillAsync(title);
        await page.GetByLabel("提议内容").FillAsync("老人上下楼不方便，建议给 3 幢楼道加装扶手。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交提议" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看我的提议" }).ClickAsync();
        var row = page.Locator("[data-my-proposal]").Filter(new() { HasText = title });
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("议事中");
        await Assertions.Expect(row).ToContainTextAsync("社区议事会");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, "proposal-mine-phone");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Staff_pick_a_day_for_the_tree(bool phone)
    {
        var page = await app.PageAs("street", phone);
        await page.GotoAsync("/org");
        await Assertions.Expect(page.GetByLabel("查看日期")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=unit-counts]")).ToContainTextAsync("社区党组织");
        Assert.False(await Overflows(page));
        await BrowserApp.Shot(page, phone ? "org-tree-today-phone" : "org-tree-today-desktop");
        await page.GetByLabel("查看日期").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("尚未建立");
        await BrowserApp.Shot(page, phone ? "org-tree-past-phone" : "org-tree-past-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "今天" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=unit-counts]")).ToBeVisibleAsync();
    }
}
