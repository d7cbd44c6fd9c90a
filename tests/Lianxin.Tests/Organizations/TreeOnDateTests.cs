using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Organizations;

/// <summary>The tree of a past day (issue 10): moves, dissolutions and splits are history, so the day before each shows the old shape.</summary>
[Collection(AppCollection.Name)]
public class TreeOnDateTests(LianxinApp app)
{
    /// <summary>Today in Beijing: the demo district was set up today.</summary>
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>10:00 in Beijing on <paramref name="day"/>.</summary>
    static FakeTimeProvider At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    async Task<T> AsSystem<T>(Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    /// <summary>The tree of <paramref name="on"/> as a holder of <paramref name="role"/> at <paramref name="unit"/> sees it, "today" being <paramref name="today"/>.</summary>
    async Task<List<TreeNode>> TreeAs(OrgUnit unit, Role role, DateOnly on, DateOnly today, Guid? rootId = null, int depth = 3)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId;
        var grant = new RoleGrant { TenantId = tenant, UserId = Guid.NewGuid(), Role = role, OrgUnitId = unit.Id, OrgPath = unit.Path };
        scope.ServiceProvider.GetRequiredService<OrgScope>().SetUser(grant.UserId, "tree-test", tenant, [grant], grant.Id);
        var tree = await GetTree.HandleAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), scope.ServiceProvider.GetRequiredService<TreeCache>(), At(today), rootId, depth, on, default);
        Assert.True(tree.IsOk, tree.Message);
        return tree.Value!.Nodes;
    }

    [Fact]
    public async Task After_a_move_a_dissolution_and_a_split_the_day_before_each_shows_the_old_shape_and_today_the_new()
    {
        var (moveDay, dissolveDay, splitDay) = (Today.AddDays(10), Today.AddDays(20), Today.AddDays(30));
        var (streetA, streetB, community, branch, compoundId) = app.WithDb(db =>
        {
            var streets = db.OrgUnits.Where(u => u.Kind == OrgKind.Street).OrderBy(u => u.Path).Take(2).ToList();
            var c = db.Unit(streets[0], OrgKind.Community, "历史测试社区" + Guid.NewGuid().ToString("N")[..4]);
            var b = db.Unit(c, OrgKind.Branch, "历史测试支部");
            var grid = new Grid { TenantId = c.TenantId, CommunityId = c.Id, Name = "历史测试网格", Code = "HT-G1", OrgPath = c.Path };
            var compound = new Compound { TenantId = c.TenantId, CommunityId = c.Id, GridId = grid.Id, Name = "历史测试小区", Type = CompoundType.Commercial, OrgPath = c.Path };
            db.Grids.Add(grid);
            db.Compounds.Add(compound);
            db.SaveChanges();
            return (streets[0], streets[1], c, b, compound.Id);
        });

        // The community moves to the second street; later its branch is dissolved; later a compound is split out into its own branch.
        var moved = await AsSystem((sp, db) => MoveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), At(moveDay), community.Id,
            new MoveUnitRequest { NewParentId = streetB.Id, Version = community.Version }, default));
        Assert.True(moved.IsOk, moved.Message);
        var dissolved = await AsSystem((sp, db) => DissolveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), At(dissolveDay), branch.Id,
            new DissolveUnitRequest { Reason = "并入社区党委", Version = db.OrgUnits.Single(u => u.Id == branch.Id).Version }, default));
        Assert.True(dissolved.IsOk, dissolved.Message);
        var split = await AsSystem((sp, db) => SplitCompound.HandleAsync(db, At(splitDay), compoundId, new SplitCompoundRequest { BranchName = "历史测试小区党支部" }, default));
        Assert.True(split.IsOk, split.Message);
        var compoundBranch = split.Value!.Id;

        // Each row was written with its change, dated the day it took effect.
        var rows = app.WithDb(db => db.OrgUnitChanges.Where(x => x.UnitId == community.Id || x.UnitId == branch.Id || x.UnitId == compoundBranch)
            .Select(x => new { x.UnitId, x.Kind, x.On, x.ParentId, x.FromParentId, x.CompoundId }).ToList());
        Assert.Contains(rows, x => x.UnitId == community.Id && x.Kind == OrgChangeKind.Moved && x.On == moveDay && x.ParentId == streetB.Id && x.FromParentId == streetA.Id);
        Assert.Contains(rows, x => x.UnitId == branch.Id && x.Kind == OrgChangeKind.Dissolved && x.On == dissolveDay);
        Assert.Contains(rows, x => x.UnitId == compoundBranch && x.Kind == OrgChangeKind.Split && x.On == splitDay && x.ParentId == community.Id && x.CompoundId == compoundId);

        var district = app.WithDb(db => db.OrgUnits.Single(u => u.ParentId == null && u.Kind == OrgKind.District));
        var today = splitDay.AddDays(1);
        TreeNode? Find(List<TreeNode> tree, Guid id) => tree.FirstOrDefault(n => n.Id == id);

        // The move: under the first street the day before, under the second from that day on.
        Assert.Equal(streetA.Id, Find(await TreeAs(district, Role.DistrictAdmin, moveDay.AddDays(-1), today, streetA.Id, 1), community.Id)?.ParentId);
        Assert.Null(Find(await TreeAs(district, Role.DistrictAdmin, moveDay.AddDays(-1), today, streetB.Id, 1), community.Id));
        Assert.Equal(streetB.Id, Find(await TreeAs(district, Role.DistrictAdmin, moveDay, today, streetB.Id, 1), community.Id)?.ParentId);
        Assert.Null(Find(await TreeAs(district, Role.DistrictAdmin, moveDay, today, streetA.Id, 1), community.Id));
        // A street's own people see the community in their tree on the days it was theirs, and only then.
        Assert.NotNull(Find(await TreeAs(streetA, Role.StreetStaff, moveDay.AddDays(-1), today), community.Id));
        Assert.Null(Find(await TreeAs(streetA, Role.StreetStaff, moveDay, today), community.Id));
        Assert.Null(Find(await TreeAs(streetB, Role.StreetStaff, moveDay.AddDays(-1), today), community.Id));
        Assert.NotNull(Find(await TreeAs(streetB, Role.StreetStaff, moveDay, today), community.Id));

        // The dissolution: active the day before, dissolved from that day.
        Assert.Equal(OrgStatus.Active, Find(await TreeAs(district, Role.DistrictAdmin, dissolveDay.AddDays(-1), today, community.Id, 1), branch.Id)?.Status);
        Assert.Equal(OrgStatus.Dissolved, Find(await TreeAs(district, Role.DistrictAdmin, dissolveDay, today, community.Id, 1), branch.Id)?.Status);

        // The split: no compound branch the day before; the community has it from that day, as a 小区党支部.
        var before = await TreeAs(district, Role.DistrictAdmin, splitDay.AddDays(-1), today, community.Id, 1);
        Assert.Null(Find(before, compoundBranch));
        var after = await TreeAs(district, Role.DistrictAdmin, splitDay, today, community.Id, 1);
        Assert.Equal(BranchKind.Compound, Find(after, compoundBranch)?.BranchKind);
        Assert.Equal(before.Count + 1, after.Count);

        // Today (no date, or today's) is the live tree, and it has the new shape.
        var live = await TreeAs(district, Role.DistrictAdmin, today, today, community.Id, 1);
        Assert.Equal(after.Select(n => (n.Id, n.Status)).OrderBy(x => x.Id), live.Select(n => (n.Id, n.Status)).OrderBy(x => x.Id));
        Assert.Equal(streetB.Id, Find(await TreeAs(district, Role.DistrictAdmin, today, today, streetB.Id, 1), community.Id)?.ParentId);

        // Before the district was set up there is nothing.
        Assert.Empty(await TreeAs(district, Role.DistrictAdmin, Today.AddDays(-1), today));
    }

    [Fact]
    public async Task The_tree_api_takes_a_day_refuses_a_bad_one_in_chinese_and_is_empty_before_the_district_existed()
    {
        var api = await app.ApiAs("street");
        var bad = await api.GetAsync("/api/v1/org/tree?on=2025-13-40");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("2025-06-30", problem.GetProperty("errors").GetProperty("on")[0].GetString());

        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?on={Today.AddDays(-1):yyyy-MM-dd}&depth=3")).GetArrayLength());
        var todays = await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?on={Today:yyyy-MM-dd}&depth=2");
        var live = await api.GetFromJsonAsync<JsonElement>("/api/v1/org/tree?depth=2");
        Assert.True(live.GetArrayLength() > 1);
        Assert.Equal(live.GetArrayLength(), todays.GetArrayLength());
    }

    [Fact]
    public async Task The_tree_page_has_a_date_picker_shows_units_by_kind_and_says_so_when_the_district_did_not_exist_yet()
    {
        var pages = await app.PagesAs("secretary");
        var today = await pages.GetStringAsync("/org");
        Assert.Contains("查看日期", today);
        Assert.Contains("今天", today);
        Assert.Contains("各级组织", today);
        Assert.Contains("网格党支部", today);

        var before = await pages.GetStringAsync($"/org?on={Today.AddDays(-1):yyyy-MM-dd}");
        Assert.Contains("该日本区（或您所在的组织）尚未建立，没有组织架构。", before);

        var bad = await pages.GetStringAsync("/org?on=昨天");
        Assert.Contains("日期格式不正确", bad);
    }
}
