using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Organizations;

/// <summary>The org pages with a cookie client: what a person sees and what their forms do.</summary>
[Collection(AppCollection.Name)]
public class OrganizationsPagesTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));
    OrgUnit UnitById(Guid id) => app.WithDb(db => db.OrgUnits.First(u => u.Id == id));

    [Fact]
    public async Task The_tree_page_shows_the_secretarys_community_and_hides_the_neighbour()
    {
        var client = await app.PagesAs("secretary");
        var html = await client.GetStringAsync("/org");
        Assert.Contains("和平社区党委", html);
        Assert.DoesNotContain("幸福社区党委", html);
        Assert.Contains("第一网格党支部", html);

        var xingfu = Unit("幸福社区党委");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/org/{xingfu.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/org/{xingfu.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/org?handler=Children&id={xingfu.Id}")).StatusCode);
        var search = await client.GetStringAsync("/org?q=幸福社区");
        Assert.Contains("暂无数据", search);
    }

    [Fact]
    public async Task A_grid_leader_reads_which_community_their_compound_is_in_without_a_link_to_a_page_closed_to_them()
    {
        var heping = Unit("和平社区党委");
        var compound = app.WithDb(db =>
        {
            var user = db.Users.First(u => u.UserName == "grid").Id;
            var gridBranch = db.RoleGrants.First(g => g.UserId == user).OrgUnitId;
            var gridId = db.Grids.First(g => g.BranchId == gridBranch).Id;
            return db.Compounds.First(c => c.BranchId == null && c.GridId == gridId);
        });
        var communityLink = $"href=\"/org/{heping.Id}\"";

        var grid = await app.PagesAs("grid");
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/org/{heping.Id}")).StatusCode);
        var html = await grid.GetStringAsync($"/org/compounds/{compound.Id}");
        Assert.Contains(compound.Name, html);
        Assert.Contains("和平社区党委", html);
        Assert.DoesNotContain(communityLink, html);
        var dto = await (await app.ApiAs("grid")).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/org/compounds/{compound.Id}");
        Assert.Equal("和平社区党委", dto.GetProperty("communityName").GetString());
        Assert.False(dto.GetProperty("communitySeen").GetBoolean());

        // The community's own staff follow the link (in the text and in the trail).
        Assert.Contains(communityLink, await (await app.PagesAs("secretary")).GetStringAsync($"/org/compounds/{compound.Id}"));
        Assert.True((await (await app.ApiAs("secretary")).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/org/compounds/{compound.Id}")).GetProperty("communitySeen").GetBoolean());
    }

    [Fact]
    public async Task Unit_detail_shows_people_places_and_coverage_cards()
    {
        var client = await app.PagesAs("secretary");
        var heping = Unit("和平社区党委");
        var html = await client.GetStringAsync($"/org/{heping.Id}");
        Assert.Contains("中共和平社区委员会", html);
        Assert.Contains("书记", html);
        Assert.Contains("小区党支部覆盖率", html);
        Assert.Contains("楼栋长覆盖率", html);
        Assert.Contains("lx-stat", html);
        Assert.Contains("/org/compounds/", html);
        Assert.Contains($"/org/{heping.Id}/edit", html);       // a secretary manages their community
    }

    [Fact]
    public async Task Those_without_OrgManage_see_no_edit_buttons_and_are_refused_the_forms()
    {
        var client = await app.PagesAs("grid");
        // The grid account's own unit: other tests grant grid leaders elsewhere, and "the first grant" has no order.
        var gridUnit = Lianxin.Tests.Platform.UsersApiTests.UnitOf(app, "grid");
        var branch = app.WithDb(db => db.OrgUnits.Single(u => u.Id == gridUnit));
        var html = await client.GetStringAsync($"/org/{branch.Id}");
        Assert.Contains(branch.Name, html);
        Assert.DoesNotContain($"/org/{branch.Id}/edit", html);
        var form = await client.GetAsync($"/org/{branch.Id}/edit");
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task An_empty_name_on_the_form_is_a_Chinese_error_and_nothing_is_created()
    {
        var client = await app.PagesAs("secretary");
        var heping = Unit("和平社区党委");
        var before = app.WithDb(db => db.OrgUnits.Count(u => u.ParentId == heping.Id));
        var r = await LianxinApp.PostFormAsync(client, $"/org/new?parentId={heping.Id}", new()
        {
            ["Input.Kind"] = "Branch", ["Input.BranchKind"] = "Grid", ["Input.Name"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("请填写组织名称。", html);
        Assert.DoesNotContain("field is required", html);
        Assert.Equal(before, app.WithDb(db => db.OrgUnits.Count(u => u.ParentId == heping.Id)));
    }

    [Fact]
    public async Task Street_creates_and_moves_a_unit_through_the_forms()
    {
        var client = await app.PagesAs("street");
        var heping = Unit("和平社区党委");
        var xingfu = Unit("幸福社区党委");
        var created = await LianxinApp.PostFormAsync(client, $"/org/new?parentId={heping.Id}", new()
        {
            ["Input.Kind"] = "Branch", ["Input.BranchKind"] = "SocialOrganization", ["Input.Name"] = "页面移动测试支部", ["Input.ShortName"] = "页面移动支部",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var form = await client.GetStringAsync($"/org/{id}/move");
        Assert.Contains(xingfu.Name, form);
        Assert.DoesNotContain($"value=\"{heping.Id}\"", form);    // already its parent

        var moved = await LianxinApp.PostFormAsync(client, $"/org/{id}/move", new() { ["Input.NewParentId"] = xingfu.Id.ToString(), ["Input.Version"] = UnitById(id).Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(xingfu.Id, UnitById(id).ParentId);
        Assert.StartsWith(xingfu.Path, UnitById(id).Path);

        var stale = await LianxinApp.PostFormAsync(client, $"/org/{id}/edit", new() { ["Input.Name"] = "过期修改", ["Input.BranchKind"] = "SocialOrganization", ["Input.Version"] = "0" });
        Assert.Contains("该记录已被他人修改，请刷新后重试。", await stale.Content.ReadAsStringAsync());
        Assert.Equal("页面移动测试支部", UnitById(id).Name);
    }

    [Fact]
    public async Task Dissolving_on_the_page_needs_a_reason_then_strikes_the_unit_through()
    {
        var client = await app.PagesAs("secretary");
        var heping = Unit("和平社区党委");
        var created = await LianxinApp.PostFormAsync(client, $"/org/new?parentId={heping.Id}", new()
        {
            ["Input.Kind"] = "Branch", ["Input.BranchKind"] = "Enterprise", ["Input.Name"] = "页面撤销测试支部",
        });
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var noReason = await LianxinApp.PostFormAsync(client, $"/org/{id}/dissolve", new() { ["Input.Reason"] = "", ["Input.Version"] = UnitById(id).Version.ToString() });
        Assert.Contains("请填写撤销原因。", await noReason.Content.ReadAsStringAsync());
        Assert.True(UnitById(id).IsActive);
        var ok = await LianxinApp.PostFormAsync(client, $"/org/{id}/dissolve", new() { ["Input.Reason"] = "企业迁出", ["Input.Version"] = UnitById(id).Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var html = await client.GetStringAsync($"/org/{id}");
        Assert.Contains("已撤销", html);
        Assert.Contains("企业迁出", html);
    }

    [Fact]
    public async Task Compound_building_and_household_forms_work_together()
    {
        var client = await app.PagesAs("secretary");
        var heping = Unit("和平社区党委");
        var c = await LianxinApp.PostFormAsync(client, $"/org/compounds/new?communityId={heping.Id}", new() { ["Input.Name"] = "页面测试院落", ["Input.Type"] = "UnitCompound" });
        Assert.Equal(HttpStatusCode.Redirect, c.StatusCode);
        var compoundUrl = c.Headers.Location!.OriginalString;
        var b = await LianxinApp.PostFormAsync(client, compoundUrl + "/buildings/new", new() { ["Input.Name"] = "2号楼", ["Input.Floors"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        var compoundId = Guid.Parse(compoundUrl.Split('/').Last());
        var buildingId = app.WithDb(db => db.Buildings.Single(x => x.CompoundId == compoundId).Id);
        var h = await LianxinApp.PostFormAsync(client, $"/org/buildings/{buildingId}/households", new() { ["UnitNo"] = "1单元", ["Rooms"] = "101, 102，201", ["Residents"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, h.StatusCode);
        var page = await client.GetStringAsync(compoundUrl);
        Assert.Contains("2号楼", page);
        Assert.Contains("3 户", page.Replace("(1 · 3 户)", "3 户"));
        var dup = await LianxinApp.PostFormAsync(client, $"/org/buildings/{buildingId}/households", new() { ["UnitNo"] = "1单元", ["Rooms"] = "101", ["Residents"] = "1" });
        Assert.Contains("已登记", await dup.Content.ReadAsStringAsync());
        Assert.Equal(3, app.WithDb(db => db.Households.Count(x => x.BuildingId == buildingId)));
    }
}
