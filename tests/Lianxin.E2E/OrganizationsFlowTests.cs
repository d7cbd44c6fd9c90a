using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class OrganizationsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task Browse_the_tree_expand_a_node_and_open_a_unit()
    {
        var page = await app.PageAs("street");
        await page.GotoAsync("/org");
        var tree = page.Locator(".lx-tree");
        await Assertions.Expect(tree).ToContainTextAsync("东湖街道党工委");
        await Assertions.Expect(tree).ToContainTextAsync("和平社区党委");
        // 和平 is loaded lazily: opening it fetches its branches.
        var heping = tree.Locator("li:has(> a:text-is('和平社区党委'))");
        await heping.GetByRole(AriaRole.Button, new() { Name = "展开/收起 和平社区党委" }).ClickAsync();
        await Assertions.Expect(heping).ToContainTextAsync("第一网格党支部");
        await BrowserApp.Shot(page, "org-tree-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区党委", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("中共和平社区委员会");
        await Assertions.Expect(page.Locator(".lx-stat").First).ToContainTextAsync("%");
        await BrowserApp.Shot(page, "org-detail-desktop");
    }

    [Fact]
    public async Task Search_lists_matching_units_with_their_path()
    {
        var page = await app.PageAs("street");
        await page.GotoAsync("/org");
        await page.GetByLabel("名称、简称或编码").FillAsync("幸福");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "搜索结果" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#results-title + ul")).ToContainTextAsync("东湖街道党工委");
    }

    [Fact]
    public async Task Move_a_unit_through_the_form_and_find_it_under_its_new_parent()
    {
        var page = await app.PageAs("street");
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区党委", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建下级组织" }).ClickAsync();
        await page.GetByLabel("组织类别").SelectOptionAsync("Branch");
        await page.GetByLabel("党支部类别").SelectOptionAsync("Enterprise");
        await page.GetByLabel("组织名称").FillAsync("浏览器移动测试企业党支部");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("浏览器移动测试企业党支部");

        await page.GetByRole(AriaRole.Link, new() { Name = "移动" }).ClickAsync();
        await page.GetByLabel("新的上级组织").SelectOptionAsync(new SelectOptionValue { Label = "中共幸福社区委员会（社区党组织）" });
        await BrowserApp.Shot(page, "org-move-desktop");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "移动" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已移动");
        await Assertions.Expect(page.Locator(".lx-crumbs")).ToContainTextAsync("幸福社区党委");

        await page.Locator(".lx-crumbs").GetByRole(AriaRole.Link, new() { Name = "幸福社区党委" }).ClickAsync();
        await Assertions.Expect(page.Locator("#children-title ~ div")).ToContainTextAsync("浏览器移动测试企业党支部");
    }

    [Fact]
    public async Task Tree_and_detail_fit_a_phone()
    {
        var page = await app.PageAs("secretary", phone: true);
        await page.GotoAsync("/org");
        await Assertions.Expect(page.Locator(".lx-tree")).ToContainTextAsync("和平社区党委");
        await BrowserApp.Shot(page, "org-tree-phone");
        Assert.False(await Overflows(page), "the tree scrolls sideways at phone width");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区党委", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("中共和平社区委员会");
        await BrowserApp.Shot(page, "org-detail-phone");
        Assert.False(await Overflows(page), "the unit detail scrolls sideways at phone width");
    }

    [Fact]
    public async Task Tree_and_detail_have_no_serious_accessibility_violations()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/org");
        var bad = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"/org {v.Id}: {v.Help}").ToList();
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区党委", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("中共和平社区委员会");
        bad.AddRange((await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"detail {v.Id}: {v.Help}"));
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public async Task Split_a_compound_out_into_its_own_branch_and_see_coverage_rise()
    {
        var page = await app.PageAs("secretary");
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "和平社区党委", Exact = true }).ClickAsync();
        var before = await page.Locator("[data-stat=compound-own]").InnerTextAsync();
        await page.Locator("section[aria-labelledby=compounds-title]").GetByRole(AriaRole.Link, new() { Name = "纺织厂宿舍" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("纺织厂宿舍");
        await page.GetByRole(AriaRole.Link, new() { Name = "拆分建支部" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("党支部名称")).ToHaveValueAsync("纺织厂宿舍小区党支部");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "建立小区党支部" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("纺织厂宿舍小区党支部");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已建立");

        await page.Locator(".lx-crumbs").GetByRole(AriaRole.Link, new() { Name = "和平社区党委" }).ClickAsync();
        var after = await page.Locator("[data-stat=compound-own]").InnerTextAsync();
        Assert.True(double.Parse(after.TrimEnd('%')) > double.Parse(before.TrimEnd('%')), $"{before} -> {after}");

        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync(page.Url);
        await phone.Locator("section[aria-labelledby=compounds-title]").GetByRole(AriaRole.Link, new() { Name = "纺织厂宿舍", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("#b-title")).ToContainTextAsync("楼栋");
        await BrowserApp.Shot(phone, "org-compound-phone");
        Assert.False(await Overflows(phone), "the compound page scrolls sideways at phone width");
    }
}
