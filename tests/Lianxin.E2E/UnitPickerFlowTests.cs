using Lianxin.Web.Modules.Members.Domain;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>Issue 15: a street office picks a unit or a compound by typing part of its name, on the member form and on the roster.</summary>
[Collection(BrowserCollection.Name)]
public class UnitPickerFlowTests(BrowserApp app)
{
    /// <summary>Fills the new-member form's own fields (not the pickers) for a new member; answers the name.</summary>
    static async Task<string> FillNewMemberAsync(IPage page, string prefix)
    {
        var name = prefix + Random.Shared.Next(100, 999);
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("公民身份号码").FillAsync(CitizenId.Make("330199", new DateOnly(1985, 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28)), Random.Shared.Next(1000)));
        await page.GetByLabel("入党日期").FillAsync("2015-07-01");
        await page.GetByLabel("转正日期").FillAsync("2016-07-01");
        return name;
    }

    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task The_district_admin_adds_a_member_to_a_grid_branch_found_by_typing_and_the_secretary_views_its_roster_by_keyboard()
    {
        var admin = await app.PageAs("admin");
        await admin.GotoAsync("/members/new");
        var name = await FillNewMemberAsync(admin, "选择测");

        var picker = admin.GetByRole(AriaRole.Combobox, new() { Name = "组织关系所在支部" });
        var list = admin.GetByRole(AriaRole.Listbox, new() { Name = "组织关系所在支部" });
        await picker.PressSequentiallyAsync("第一网格");
        await Assertions.Expect(list).ToHaveAttributeAsync("aria-busy", "false");
        // Same-named grids of two communities, told apart by their paths.
        var heping = list.GetByRole(AriaRole.Option, new() { Name = "东湖街道 / 和平社区 / 第一网格党支部" });
        await Assertions.Expect(heping).ToBeVisibleAsync();
        await Assertions.Expect(list.GetByRole(AriaRole.Option, new() { Name = "东湖街道 / 幸福社区 / 第一网格党支部" })).ToBeVisibleAsync();
        await BrowserApp.Shot(admin, "unit-picker-member-form-desktop");
        await heping.ClickAsync();
        await Assertions.Expect(picker).ToHaveValueAsync("和平社区第一网格党支部");
        await Assertions.Expect(admin.Locator(".lx-picker-chosen").First).ToHaveTextAsync("已选：东湖街道 / 和平社区 / 第一网格党支部");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("已新增党员 " + name);
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("和平社区第一网格党支部");

        var secretary = await app.PageAs("secretary");
        await secretary.GotoAsync("/members/roster");
        var unit = secretary.GetByRole(AriaRole.Combobox, new() { Name = "组织" });
        var units = secretary.GetByRole(AriaRole.Listbox, new() { Name = "组织" });
        await unit.FillAsync("");
        await unit.PressSequentiallyAsync("第一网格");
        await Assertions.Expect(units).ToHaveAttributeAsync("aria-busy", "false");
        // Only the secretary's own community: 幸福社区's grid is not offered.
        await Assertions.Expect(units.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await unit.PressAsync("ArrowDown");
        await unit.PressAsync("Enter");
        await Assertions.Expect(unit).ToHaveValueAsync("和平社区第一网格党支部");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "查看", Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".lx-card").Last).ToContainTextAsync("和平社区第一网格党支部");
        await Assertions.Expect(secretary.Locator("table")).ToContainTextAsync(name);
        await BrowserApp.Shot(secretary, "unit-picker-roster-desktop");
    }

    [Fact]
    public async Task On_a_phone_the_picker_fits_and_says_when_nothing_matches()
    {
        var street = await app.PageAs("street", phone: true);
        await street.SetViewportSizeAsync(375, 812);
        await street.GotoAsync("/members/new");
        var picker = street.GetByRole(AriaRole.Combobox, new() { Name = "组织关系所在支部" });
        var list = street.GetByRole(AriaRole.Listbox, new() { Name = "组织关系所在支部" });
        await picker.PressSequentiallyAsync("幸福");
        await Assertions.Expect(list).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(list.GetByRole(AriaRole.Option).First).ToContainTextAsync("幸福社区");
        Assert.False(await Overflows(street), "the member form scrolls sideways at 375 px");
        await BrowserApp.Shot(street, "unit-picker-member-form-phone");

        await picker.FillAsync("");
        await picker.PressSequentiallyAsync("没有这个组织");
        await Assertions.Expect(list).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(list.GetByRole(AriaRole.Option)).ToHaveTextAsync("没有找到匹配的组织");
        await BrowserApp.Shot(street, "unit-picker-empty-phone");
        await picker.PressAsync("Escape");
        await Assertions.Expect(list).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_residence_is_found_by_typing_on_a_phone_and_emptying_the_box_clears_it()
    {
        var admin = await app.PageAs("admin", phone: true);
        await admin.SetViewportSizeAsync(375, 812);
        await admin.GotoAsync("/members/new");
        var name = await FillNewMemberAsync(admin, "住址测");
        var branch = admin.GetByRole(AriaRole.Combobox, new() { Name = "组织关系所在支部" });
        await branch.PressSequentiallyAsync("和平社区第一网格");
        await admin.GetByRole(AriaRole.Listbox, new() { Name = "组织关系所在支部" }).GetByRole(AriaRole.Option).First.ClickAsync();

        var home = admin.GetByRole(AriaRole.Combobox, new() { Name = "居住小区" });
        var homes = admin.GetByRole(AriaRole.Listbox, new() { Name = "居住小区" });
        await home.PressSequentiallyAsync("丽景");
        await Assertions.Expect(homes).ToHaveAttributeAsync("aria-busy", "false");
        var option = homes.GetByRole(AriaRole.Option).Filter(new() { HasText = "丽景苑" }).First;
        await Assertions.Expect(option).ToContainTextAsync("东湖街道 / 幸福社区");
        Assert.False(await Overflows(admin), "the member form scrolls sideways at 375 px");
        await BrowserApp.Shot(admin, "compound-picker-member-form-phone");
        await option.ClickAsync();
        await Assertions.Expect(home).ToHaveValueAsync("丽景苑");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("已新增党员 " + name);
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("丽景苑");

        // Editing: the chosen compound is shown; emptying the box leaves the member without a residence in the district.
        await admin.GotoAsync(admin.Url.TrimEnd('/') + "/edit");
        await Assertions.Expect(home).ToHaveValueAsync("丽景苑");
        await home.FillAsync("");
        await admin.GetByLabel("姓名").ClickAsync();
        await Assertions.Expect(admin.Locator(".lx-picker-chosen").Last).ToHaveTextAsync("");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync(name);
        await Assertions.Expect(admin.Locator("body")).Not.ToContainTextAsync("丽景苑");
    }
}
