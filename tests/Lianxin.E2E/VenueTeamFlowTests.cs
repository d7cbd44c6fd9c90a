using Microsoft.Playwright;

namespace Lianxin.E2E;

[Collection(BrowserCollection.Name)]
public class VenueTeamFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_secretary_registers_a_venue_with_a_room_at_phone_width_staff_edit_a_mediation_team_and_the_street_reads_its_red_rule()
    {
        var phone = await app.PageAs("secretary", phone: true);
        await phone.GotoAsync("/venues");
        await phone.GetByRole(AriaRole.Link, new() { Name = "登记阵地" }).ClickAsync();
        // Nothing filled in: the reasons are shown beside the fields.
        await phone.GetByLabel("建设状态").SelectOptionAsync("Open");
        await phone.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(phone.Locator("form[data-venue-form]")).ToContainTextAsync("请填写阵地名称。");
        await Assertions.Expect(phone.Locator("form[data-venue-form]")).ToContainTextAsync("已开放的阵地请填写开放日期。");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "venue-new-errors-phone");

        await phone.GetByLabel("阵地名称").FillAsync("和平社区新时代文明实践站");
        await phone.GetByLabel("类型").SelectOptionAsync("CivilizationStation");
        await phone.GetByLabel("开放日期").FillAsync("2025-06-01");
        await phone.GetByLabel("面积（平方米）").FillAsync("180");
        await phone.GetByLabel("地址").FillAsync("和平路 70 号二楼");
        await phone.GetByLabel("文体活动中心").CheckAsync();
        await phone.GetByLabel("志愿服务中心").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("可继续添加功能室");
        await phone.GetByLabel("功能室名称").FillAsync("志愿者之家");
        await phone.GetByLabel("容纳人数").FillAsync("25");
        await phone.GetByRole(AriaRole.Button, new() { Name = "添加功能室" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-room='志愿者之家']")).ToContainTextAsync("25");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "venue-edit-phone");

        await phone.GotoAsync("/venues");
        await phone.GetByRole(AriaRole.Link, new() { Name = "和平社区新时代文明实践站" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-room='志愿者之家']")).ToBeVisibleAsync();

        // The grid leader sees the community's new venue too, without the edit button.
        var grid = await app.PageAs("grid", phone: true);
        await grid.GotoAsync("/venues");
        await grid.GetByRole(AriaRole.Link, new() { Name = "和平社区新时代文明实践站" }).ClickAsync();
        await Assertions.Expect(grid.GetByText("预约此功能室")).ToBeVisibleAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = "编辑阵地" })).ToHaveCountAsync(0);
        await BrowserApp.Shot(grid, "venue-grid-leader-phone");

        var desk = await app.PageAs("staff");
        await desk.GotoAsync("/mediation");
        await desk.Locator("a[href^='/mediation/cases/']").First.ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "编辑团队" }).ClickAsync();
        await desk.GetByLabel("账号（登录名）").FillAsync("grid");
        await desk.GetByLabel("团队角色").SelectOptionAsync("Volunteer");
        await desk.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("加入调解团队");
        var added = desk.Locator("[data-member='第一网格 支部书记']");
        await Assertions.Expect(added).ToContainTextAsync("调解志愿者");
        await BrowserApp.Shot(desk, "mediation-team-desktop");

        // Dismissing the confirmation keeps the member; accepting it removes them.
        desk.Dialog += DismissOnce;
        await added.GetByRole(AriaRole.Button, new() { Name = "移出" }).ClickAsync();
        await Assertions.Expect(added).ToBeVisibleAsync();
        desk.Dialog += (_, d) => d.AcceptAsync();
        await added.GetByRole(AriaRole.Button, new() { Name = "移出" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("移出调解团队");
        await Assertions.Expect(desk.Locator("[data-member='第一网格 支部书记']")).ToHaveCountAsync(0);

        var teamPhone = await app.PageAs("staff", phone: true);
        await teamPhone.GotoAsync(desk.Url);
        Assert.False(await Overflows(teamPhone));
        await BrowserApp.Shot(teamPhone, "mediation-team-phone");

        // The street's 红色业委会 rule, with the committees it makes red, reads at both widths.
        foreach (var narrow in new[] { false, true })
        {
            var street = await app.PageAs("street", phone: narrow);
            await street.GotoAsync("/deliberation/compounds");
            await street.GetByRole(AriaRole.Link, new() { Name = "红色业委会认定标准" }).ClickAsync();
            await Assertions.Expect(street.GetByLabel("党员占比不低于（%）")).ToHaveValueAsync("50");
            await Assertions.Expect(street.Locator("[data-red-count]")).ToBeVisibleAsync();
            Assert.False(await Overflows(street));
            await BrowserApp.Shot(street, narrow ? "red-rule-phone" : "red-rule-desktop");
        }

        static void DismissOnce(object? sender, IDialog d)
        {
            ((IPage)sender!).Dialog -= DismissOnce;
            d.DismissAsync();
        }
    }
}
