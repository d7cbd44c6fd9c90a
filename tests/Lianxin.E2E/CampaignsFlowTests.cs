using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class CampaignsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_grid_leader_inspects_a_compound_on_a_phone_and_the_street_reads_the_progress_at_desktop()
    {
        var grid = await app.PageAs("grid", phone: true);
        await grid.GotoAsync("/campaigns");
        await grid.Locator("#cmp-list ul").GetByRole(AriaRole.Link, new() { Name = "电动车违规停放充电专项整治" }).ClickAsync();
        await Assertions.Expect(grid.Locator("#cmp-findings")).ToContainTextAsync("逾期");
        await BrowserApp.Shot(grid, "campaigns-campaign-phone");
        await grid.Locator("#cmp-inspect").ClickAsync();
        await grid.GetByLabel("检查点位").SelectOptionAsync(new SelectOptionValue { Label = "金色家园（已查 1 次）" });
        await grid.GetByRole(AriaRole.Button, new() { Name = "提交检查" }).ClickAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Alert)).ToContainTextAsync("请逐项填写检查结果（还有 4 项未填）。");
        await grid.Locator("label[for='a-0-Pass']").ClickAsync();
        await grid.Locator("label[for='a-1-Fail']").ClickAsync();
        await grid.Locator("input[name='Input.Answers[1].Note']").FillAsync("5号楼楼道有插线板拉到车棚充电");
        await grid.Locator("label[for='a-2-NotApplicable']").ClickAsync();
        await grid.Locator("label[for='a-3-Pass']").ClickAsync();
        Assert.False(await Overflows(grid));
        await BrowserApp.Shot(grid, "campaigns-inspect-phone");
        await grid.GetByRole(AriaRole.Button, new() { Name = "提交检查" }).ClickAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Status)).ToContainTextAsync("发现 1 个问题");
        await grid.Locator("#cmp-findings li", new() { HasText = "5号楼楼道有插线板拉到车棚充电" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(grid.Locator("#cmp-task")).ToContainTextAsync("整改中");
        Assert.False(await Overflows(grid));
        await BrowserApp.Shot(grid, "campaigns-finding-phone");

        var street = await app.PageAs("street");
        await street.GotoAsync("/campaigns");
        await street.Locator("#cmp-list table").GetByRole(AriaRole.Link, new() { Name = "电动车违规停放充电专项整治" }).ClickAsync();
        await Assertions.Expect(street.Locator("#cmp-progress")).ToContainTextAsync("和平社区");
        await Assertions.Expect(street.Locator("#cmp-progress")).ToContainTextAsync("幸福社区");
        await Assertions.Expect(street.Locator("#cmp-progress td.text-danger")).ToHaveCountAsync(2);
        await BrowserApp.Shot(street, "campaigns-progress-desktop");
    }
}
