using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Organizations;

/// <summary>The org API on the shared demo database; every test builds the units it changes.</summary>
[Collection(AppCollection.Name)]
public class OrganizationsApiTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));
    OrgUnit UnitById(Guid id) => app.WithDb(db => db.OrgUnits.First(u => u.Id == id));

    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    async Task<Guid> Create(HttpClient api, Guid parentId, OrgKind kind, string name, BranchKind bk = BranchKind.None)
    {
        var r = await api.PostAsJsonAsync("/api/v1/org/units", new { parentId, kind = kind.ToString(), branchKind = bk.ToString(), name, shortName = name });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_community_secretary_sees_their_community_and_gets_404_for_the_neighbours()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var xingfu = Unit("幸福社区党委");

        var tops = await api.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");
        var top = Assert.Single(tops.EnumerateArray());
        Assert.Equal(heping.Id, top.GetProperty("id").GetGuid());
        Assert.Equal("Community", top.GetProperty("kind").GetString());
        Assert.True(top.GetProperty("childCount").GetInt32() > 0);

        var children = await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?rootId={heping.Id}&depth=2");
        Assert.Contains(children.EnumerateArray(), n => n.GetProperty("parentId").GetGuid() == heping.Id);
        Assert.All(children.EnumerateArray(), n => Assert.NotEqual(heping.Id, n.GetProperty("id").GetGuid()));
        // Chinese goes out as text, not as \u escapes twice its size (the tree is the largest API answer, issue 15).
        var raw = await api.GetStringAsync($"/api/v1/org/tree?rootId={heping.Id}&depth=2");
        Assert.Contains("党支部", raw);
        Assert.DoesNotContain("\\u", raw);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/org/units/{heping.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/org/units/{xingfu.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/org/tree?rootId={xingfu.Id}")).StatusCode);
        var edit = await api.PutAsJsonAsync($"/api/v1/org/units/{xingfu.Id}", new { name = "改名", version = xingfu.Version });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal("中共幸福社区委员会", UnitById(xingfu.Id).Name);

        var search = await api.GetFromJsonAsync<JsonElement>("/api/v1/org/units?q=幸福社区");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unit_detail_shows_people_children_places_and_coverage()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var d = await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{heping.Id}");
        Assert.Contains(d.GetProperty("positions").EnumerateArray(), p => p.GetProperty("title").GetString() == "书记");
        Assert.True(d.GetProperty("children").GetArrayLength() > 0);
        Assert.True(d.GetProperty("grids").GetArrayLength() >= 3);
        Assert.True(d.GetProperty("compounds").GetArrayLength() >= 6);
        var cov = d.GetProperty("coverage");
        Assert.True(cov.GetProperty("compounds").GetInt32() >= 6);
        Assert.True(cov.GetProperty("households").GetInt32() > 0);
        Assert.InRange(cov.GetProperty("compoundCoveredRate").GetDouble(), 1, 100);
        Assert.True(cov.GetProperty("compoundsCovered").GetInt32() >= cov.GetProperty("compoundsWithOwnBranch").GetInt32());
    }

    [Fact]
    public async Task Street_moves_a_branch_to_another_community_and_every_path_follows()
    {
        var api = await app.ApiAs("street");
        var heping = Unit("和平社区党委");
        var xingfu = Unit("幸福社区党委");
        var branchId = await Create(api, heping.Id, OrgKind.Branch, "移动测试网格党支部", BranchKind.Grid);
        var groupId = await Create(api, branchId, OrgKind.Group, "移动测试党小组");
        var grid = await Json(await api.PostAsJsonAsync("/api/v1/org/grids", new { communityId = heping.Id, name = "移动测试网格", branchId }));
        var gridId = grid.GetProperty("id").GetGuid();
        var compound = await Json(await api.PostAsJsonAsync("/api/v1/org/compounds", new { communityId = heping.Id, gridId, name = "移动测试小区", type = "OldCompound" }));
        var compoundId = compound.GetProperty("id").GetGuid();
        var building = await Json(await api.PostAsJsonAsync("/api/v1/org/buildings", new { compoundId, name = "1号楼", floors = 6, leaderName = "王建国" }));
        var buildingId = building.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/org/buildings/{buildingId}/households",
            new { items = new[] { new { unit = "1单元", room = "101", residents = 3 }, new { unit = "1单元", room = "102", residents = 2 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/org/units/{groupId}/positions", new { title = "党小组长", personName = "李静" })).StatusCode);
        var oldBranchPath = UnitById(branchId).Path;
        var grantId = app.WithDb(db =>
        {
            var g = new RoleGrant { TenantId = heping.TenantId, UserId = Guid.NewGuid(), Role = Role.GridLeader, OrgUnitId = branchId, OrgPath = oldBranchPath };
            db.RoleGrants.Add(g);
            db.SaveChanges();
            return g.Id;
        });

        var move = await api.PostAsJsonAsync($"/api/v1/org/units/{branchId}/move", new { newParentId = xingfu.Id, version = UnitById(branchId).Version });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        var branch = UnitById(branchId);
        var group = UnitById(groupId);
        var newPath = $"{xingfu.Path}{branchId:N}/";
        Assert.Equal(xingfu.Id, branch.ParentId);
        Assert.Equal(newPath, branch.Path);
        Assert.Equal(xingfu.Depth + 1, branch.Depth);
        Assert.Equal($"{newPath}{groupId:N}/", group.Path);
        Assert.Equal(xingfu.Depth + 2, group.Depth);
        app.WithDb(db =>
        {
            var g = db.Grids.Single(x => x.Id == gridId);
            Assert.Equal(newPath, g.OrgPath);
            Assert.Equal(xingfu.Id, g.CommunityId);
            var c = db.Compounds.Single(x => x.Id == compoundId);
            Assert.Equal(newPath, c.OrgPath);
            Assert.Equal(xingfu.Id, c.CommunityId);
            Assert.Equal(newPath, db.Buildings.Single(x => x.Id == buildingId).OrgPath);
            Assert.All(db.Households.Where(h => h.BuildingId == buildingId).ToList(), h => Assert.Equal(newPath, h.OrgPath));
            Assert.Equal(group.Path, db.OrgPositions.Single(p => p.OrgUnitId == groupId).OrgPath);
            Assert.Equal(newPath, db.RoleGrants.Single(x => x.Id == grantId).OrgPath);
            Assert.False(db.OrgUnits.Any(u => u.Path.StartsWith(oldBranchPath)));
            Assert.False(db.Households.Any(h => h.OrgPath.StartsWith(oldBranchPath)));
            return 0;
        });

        // Now in 幸福: the 和平 secretary no longer sees it, the 幸福 secretary does.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary")).GetAsync($"/api/v1/org/units/{branchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/org/units/{branchId}")).StatusCode);
    }

    [Fact]
    public async Task A_move_into_its_own_subtree_is_refused_and_changes_nothing()
    {
        var api = await app.ApiAs("street");
        var heping = Unit("和平社区党委");
        var branchId = await Create(api, heping.Id, OrgKind.Branch, "自环测试支部", BranchKind.Enterprise);
        var groupId = await Create(api, branchId, OrgKind.Group, "自环测试党小组");
        var before = UnitById(branchId);

        var r = await api.PostAsJsonAsync($"/api/v1/org/units/{branchId}/move", new { newParentId = groupId, version = before.Version });
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("下级组织", (await Json(r)).GetProperty("detail").GetString());
        var after = UnitById(branchId);
        Assert.Equal(before.Path, after.Path);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(branchId, UnitById(groupId).ParentId);

        // A kind the new parent cannot hold is refused as well.
        var wrongKind = await api.PostAsJsonAsync($"/api/v1/org/units/{heping.Id}/move", new { newParentId = branchId, version = heping.Version });
        Assert.Equal(HttpStatusCode.Conflict, wrongKind.StatusCode);
    }

    [Fact]
    public async Task A_secretary_cannot_take_a_unit_out_of_their_community()
    {
        var street = await app.ApiAs("street");
        var heping = Unit("和平社区党委");
        var branchId = await Create(street, heping.Id, OrgKind.Branch, "越权移动测试支部", BranchKind.SocialOrganization);
        var api = await app.ApiAs("secretary");
        var r = await api.PostAsJsonAsync($"/api/v1/org/units/{branchId}/move", new { newParentId = Unit("幸福社区党委").Id, version = UnitById(branchId).Version });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);    // the neighbour is not even visible
        Assert.Equal(heping.Id, UnitById(branchId).ParentId);
    }

    [Fact]
    public async Task A_stale_version_is_409_and_the_first_edit_stands()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var id = await Create(api, heping.Id, OrgKind.Branch, "版本测试支部", BranchKind.Building);
        var v = UnitById(id).Version;
        var first = await api.PutAsJsonAsync($"/api/v1/org/units/{id}", new { name = "版本测试支部（一）", branchKind = "Building", version = v });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.PutAsJsonAsync($"/api/v1/org/units/{id}", new { name = "版本测试支部（二）", branchKind = "Building", version = v });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已被他人修改", await second.Content.ReadAsStringAsync());
        Assert.Equal("版本测试支部（一）", UnitById(id).Name);
        var staleMove = await api.PostAsJsonAsync($"/api/v1/org/units/{id}/dissolve", new { reason = "测试", version = v });
        Assert.Equal(HttpStatusCode.Conflict, staleMove.StatusCode);
        Assert.True(UnitById(id).IsActive);
    }

    [Fact]
    public async Task Dissolve_is_refused_while_children_live_then_keeps_history_and_hands_places_back()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var branchId = await Create(api, heping.Id, OrgKind.Branch, "撤销测试网格支部", BranchKind.Grid);
        var groupId = await Create(api, branchId, OrgKind.Group, "撤销测试党小组");
        var gridId = (await Json(await api.PostAsJsonAsync("/api/v1/org/grids", new { communityId = heping.Id, name = "撤销测试网格", branchId }))).GetProperty("id").GetGuid();
        var compoundId = (await Json(await api.PostAsJsonAsync("/api/v1/org/compounds", new { communityId = heping.Id, gridId, name = "撤销测试小区", type = "SelfManaged" }))).GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/v1/org/units/{branchId}/positions", new { title = "书记", personName = "赵敏" });

        var refused = await api.PostAsJsonAsync($"/api/v1/org/units/{branchId}/dissolve", new { reason = "合并", version = UnitById(branchId).Version });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("未撤销的下级组织", await refused.Content.ReadAsStringAsync());
        Assert.True(UnitById(branchId).IsActive);

        var noReason = await api.PostAsJsonAsync($"/api/v1/org/units/{groupId}/dissolve", new { reason = " ", version = UnitById(groupId).Version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写撤销原因", await noReason.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/org/units/{groupId}/dissolve", new { reason = "党员调出", version = UnitById(groupId).Version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/org/units/{branchId}/dissolve", new { reason = "网格调整合并", version = UnitById(branchId).Version })).StatusCode);

        var branch = UnitById(branchId);
        Assert.Equal(OrgStatus.Dissolved, branch.Status);
        Assert.Equal("网格调整合并", branch.DissolveReason);
        Assert.NotNull(branch.DissolvedAt);
        app.WithDb(db =>
        {
            var grid = db.Grids.Single(g => g.Id == gridId);
            Assert.Null(grid.BranchId);
            Assert.Equal(heping.Path, grid.OrgPath);
            Assert.Equal(heping.Path, db.Compounds.Single(c => c.Id == compoundId).OrgPath);
            Assert.NotNull(db.OrgPositions.Single(p => p.OrgUnitId == branchId).EndedOn);
            return 0;
        });
        var tree = await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?rootId={heping.Id}");
        Assert.Contains(tree.EnumerateArray(), n => n.GetProperty("id").GetGuid() == branchId && n.GetProperty("status").GetString() == "Dissolved");
    }

    [Fact]
    public async Task Splitting_a_compound_creates_its_branch_and_coverage_rises()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var gridId = app.WithDb(db => db.Grids.First(g => g.CommunityId == heping.Id && g.BranchId != null).Id);
        var compoundId = (await Json(await api.PostAsJsonAsync("/api/v1/org/compounds", new { communityId = heping.Id, gridId, name = "拆分测试小区", type = "Commercial" }))).GetProperty("id").GetGuid();
        var buildingId = (await Json(await api.PostAsJsonAsync("/api/v1/org/buildings", new { compoundId, name = "1号楼", floors = 18 }))).GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/v1/org/buildings/{buildingId}/households", new { items = new[] { new { unit = "1单元", room = "1801", residents = 4 } } });
        var before = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{heping.Id}")).GetProperty("coverage");

        var split = await api.PostAsJsonAsync($"/api/v1/org/compounds/{compoundId}/split", new { branchName = "拆分测试小区党支部", shortName = "拆分测试支部" });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var branchId = (await Json(split)).GetProperty("id").GetGuid();

        var branch = UnitById(branchId);
        Assert.Equal(heping.Id, branch.ParentId);
        Assert.Equal(BranchKind.Compound, branch.BranchKind);
        app.WithDb(db =>
        {
            Assert.Equal(branchId, db.Compounds.Single(c => c.Id == compoundId).BranchId);
            Assert.Equal(branch.Path, db.Compounds.Single(c => c.Id == compoundId).OrgPath);
            Assert.Equal(branch.Path, db.Buildings.Single(b => b.Id == buildingId).OrgPath);
            Assert.Equal(branch.Path, db.Households.Single(h => h.BuildingId == buildingId).OrgPath);
            return 0;
        });
        var after = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{heping.Id}")).GetProperty("coverage");
        Assert.Equal(before.GetProperty("compoundsWithOwnBranch").GetInt32() + 1, after.GetProperty("compoundsWithOwnBranch").GetInt32());
        Assert.True(after.GetProperty("compoundOwnBranchRate").GetDouble() > before.GetProperty("compoundOwnBranchRate").GetDouble());
        var branchDetail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{branchId}");
        Assert.Equal(1, branchDetail.GetProperty("coverage").GetProperty("households").GetInt32());

        var again = await api.PostAsJsonAsync($"/api/v1/org/compounds/{compoundId}/split", new { branchName = "再拆一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已有自己的党支部", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_input_is_400_in_Chinese_and_changes_nothing()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        int Count() => app.WithDb(db => db.OrgUnits.Count(u => u.ParentId == heping.Id));
        var before = Count();

        var empty = await api.PostAsJsonAsync("/api/v1/org/units", new { parentId = heping.Id, kind = "Branch", branchKind = "Grid", name = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写组织名称。", await empty.Content.ReadAsStringAsync());

        var noSubKind = await api.PostAsJsonAsync("/api/v1/org/units", new { parentId = heping.Id, kind = "Branch", name = "无类别支部" });
        Assert.Contains("请选择党支部类别。", await noSubKind.Content.ReadAsStringAsync());

        var wrongKind = await api.PostAsJsonAsync("/api/v1/org/units", new { parentId = heping.Id, kind = "Street", name = "社区下的街道" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("下不能设立", await wrongKind.Content.ReadAsStringAsync());
        Assert.Equal(before, Count());

        var badGrid = await api.PostAsJsonAsync("/api/v1/org/grids", new { communityId = heping.Id, name = "", branchId = heping.Id });
        var text = await badGrid.Content.ReadAsStringAsync();
        Assert.Contains("请填写网格名称。", text);
        Assert.Contains("网格党支部须是", text);

        var building = app.WithDb(db => db.Buildings.First(b => b.OrgPath.StartsWith(heping.Path)));
        var households = app.WithDb(db => db.Households.Count(h => h.BuildingId == building.Id));
        var dup = await api.PostAsJsonAsync($"/api/v1/org/buildings/{building.Id}/households", new { items = new[] { new { unit = "9单元", room = "901", residents = 1 }, new { unit = "9单元", room = "901", residents = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        Assert.Equal(households, app.WithDb(db => db.Households.Count(h => h.BuildingId == building.Id)));

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/org/tree?depth=9")).StatusCode);
    }

    [Fact]
    public async Task Those_without_OrgManage_may_read_but_not_write()
    {
        var grid = await app.ApiAs("grid");
        // The demo grid leader's own branch (other tests grant GridLeader elsewhere too).
        var mine = app.WithDb(db =>
        {
            var userId = db.Users.Single(u => u.UserName == "grid").Id;
            var path = db.RoleGrants.First(g => g.Role == Role.GridLeader && g.UserId == userId).OrgPath;
            return db.OrgUnits.First(u => u.Path.StartsWith(path) && u.Kind == OrgKind.Branch);
        });
        Assert.Equal(HttpStatusCode.OK, (await grid.GetAsync($"/api/v1/org/units/{mine.Id}")).StatusCode);
        var r = await grid.PostAsJsonAsync("/api/v1/org/units", new { parentId = mine.Id, kind = "Group", name = "越权党小组" });
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var resident = await app.ApiAs("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/v1/org/tree")).StatusCode);
    }

    [Fact]
    public async Task Search_pages_through_units_in_scope_with_their_path()
    {
        var api = await app.ApiAs("street");
        var page1 = await api.GetFromJsonAsync<JsonElement>("/api/v1/org/units?q=网格党支部&pageSize=5");
        Assert.True(page1.GetProperty("total").GetInt32() > 5);
        Assert.Equal(5, page1.GetProperty("items").GetArrayLength());
        var first = page1.GetProperty("items")[0];
        Assert.StartsWith("东湖街道党工委", first.GetProperty("trail").GetString());
        var page2 = await api.GetFromJsonAsync<JsonElement>("/api/v1/org/units?q=网格党支部&pageSize=5&page=2");
        Assert.NotEqual(first.GetProperty("id").GetGuid(), page2.GetProperty("items")[0].GetProperty("id").GetGuid());
        var communities = await api.GetFromJsonAsync<JsonElement>("/api/v1/org/units?kind=Community&pageSize=100");
        Assert.Equal(6, communities.GetProperty("total").GetInt32() - communities.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("status").GetString() != "Active"));
    }

    [Fact]
    public async Task The_org_endpoints_are_in_the_OpenAPI_document()
    {
        var doc = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/org/tree", "/api/v1/org/units/{id}", "/api/v1/org/units/{id}/move", "/api/v1/org/compounds/{id}/split", "/api/v1/org/buildings/{id}/households" })
            Assert.Contains($"\"{path}\"", doc);
        Assert.Contains("childCount", doc);
    }

    [Fact]
    public async Task A_responsible_person_is_appointed_then_leaves_and_stays_as_history()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var id = await Create(api, heping.Id, OrgKind.Branch, "任免测试支部", BranchKind.Building);
        var bad = await api.PostAsJsonAsync($"/api/v1/org/units/{id}/positions", new { title = "书记", personName = "", phone = "abc" });
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写姓名。", text);
        Assert.Contains("联系电话只能包含数字", text);
        var added = await Json(await api.PostAsJsonAsync($"/api/v1/org/units/{id}/positions", new { title = "书记", personName = "林芳", phone = "13912345678" }));
        var positionId = added.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/org/positions/{positionId}/end", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/org/positions/{positionId}/end", new { })).StatusCode);
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{id}");
        var p = Assert.Single(detail.GetProperty("positions").EnumerateArray());
        Assert.Equal("林芳", p.GetProperty("personName").GetString());
        Assert.NotEqual(JsonValueKind.Null, p.GetProperty("endedOn").ValueKind);
    }

    [Fact]
    public async Task A_grid_branch_linked_to_a_grid_keeps_its_sub_kind_and_relinking_moves_the_grids_compounds()
    {
        var api = await app.ApiAs("secretary");
        var heping = Unit("和平社区党委");
        var b1 = await Create(api, heping.Id, OrgKind.Branch, "重挂测试支部一", BranchKind.Grid);
        var b2 = await Create(api, heping.Id, OrgKind.Branch, "重挂测试支部二", BranchKind.Grid);
        var grid = await Json(await api.PostAsJsonAsync("/api/v1/org/grids", new { communityId = heping.Id, name = "重挂测试网格", branchId = b1 }));
        var gridId = grid.GetProperty("id").GetGuid();
        var compoundId = (await Json(await api.PostAsJsonAsync("/api/v1/org/compounds", new { communityId = heping.Id, gridId, name = "重挂测试小区", type = "OldCompound" }))).GetProperty("id").GetGuid();
        Assert.Equal(UnitById(b1).Path, app.WithDb(db => db.Compounds.Single(c => c.Id == compoundId).OrgPath));

        var change = await api.PutAsJsonAsync($"/api/v1/org/units/{b1}", new { name = "重挂测试支部一", branchKind = "Enterprise", version = UnitById(b1).Version });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal(BranchKind.Grid, UnitById(b1).BranchKind);

        var relink = await api.PutAsJsonAsync($"/api/v1/org/grids/{gridId}", new { name = "重挂测试网格", branchId = b2, version = grid.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, relink.StatusCode);
        Assert.Equal(UnitById(b2).Path, app.WithDb(db => db.Grids.Single(g => g.Id == gridId).OrgPath));
        Assert.Equal(UnitById(b2).Path, app.WithDb(db => db.Compounds.Single(c => c.Id == compoundId).OrgPath));
    }
}
