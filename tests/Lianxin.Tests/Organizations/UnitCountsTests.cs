using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Organizations;

/// <summary>
/// The maintained counts of places per unit (ADR 0026) and of active units by kind (ADR 0054): whatever happens to grids,
/// compounds, buildings, households and units, and wherever units move, the sums read from org_unit_counts equal a recount
/// of the rows, and a rebuild writes the same rows.
/// </summary>
[Collection(AppCollection.Name)]
public class UnitCountsTests(LianxinApp app)
{
    static JsonElement Coverage(JsonElement unit) => unit.GetProperty("coverage");

    static PlaceCounts Of(Coverage c) => new(c.Grids, c.GridsWithBranch, c.Compounds, c.CompoundsWithOwnBranch, c.CompoundsCovered, c.Buildings, c.BuildingsWithLeader, c.Households);

    static string Kinds(Coverage c) => string.Join(" ", c.UnitsByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"));

    /// <summary>Every unit's subtree sum against the recount by definition, then a rebuild of the district against what was maintained.</summary>
    async Task AssertMaintainedEqualsRecountAndRebuildAsync(IEnumerable<Guid>? only = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var units = await db.OrgUnits.AcrossScope().AsNoTracking().Where(u => only == null || only.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync();
        foreach (var u in units)
        {
            var recount = Lianxin.Web.Modules.Organizations.Domain.Coverage.Of(u.Path, db.OrgUnits.AcrossScope(), db.Grids.AcrossScope(), db.Compounds.AcrossScope(),
                db.Buildings.AcrossScope(), db.Households.AcrossScope(), db.Grids.AcrossScope());
            Assert.Equal(Of(recount), await PlaceTotals.UnderAsync(db.UnitCounts.AcrossScope(), u.Path, default));
            var sums = await PlaceTotals.CoverageUnderAsync(db, u.Path, default); // the system scope: every row, as AcrossScope
            Assert.Equal((Of(recount), Kinds(recount)), (Of(sums), Kinds(sums)));
        }

        async Task<List<string>> Rows() => (await db.UnitCounts.AcrossScope().AsNoTracking()
                .Where(c => c.Grids != 0 || c.Compounds != 0 || c.Buildings != 0 || c.Households != 0 || c.ActiveDistricts != 0 || c.ActiveStreets != 0
                    || c.ActiveCommunities != 0 || c.ActiveBranches != 0 || c.ActiveGroups != 0 || c.ActiveDepartments != 0).ToListAsync())
            .Select(c => $"{c.Id} {c.OrgPath} {c.Grids} {c.GridsWithBranch} {c.Compounds} {c.CompoundsWithOwnBranch} {c.CompoundsCovered} {c.Buildings} {c.BuildingsWithLeader} {c.Households}"
                + $" {c.ActiveDistricts} {c.ActiveStreets} {c.ActiveCommunities} {c.ActiveBranches} {c.ActiveGroups} {c.ActiveDepartments}")
            .Order().ToList();
        var maintained = await Rows();
        await using var tx = await db.Database.BeginTransactionAsync();
        await new UnitCountsAggregate().RebuildAsync(db, default);
        Assert.Equal(await Rows(), maintained);
        await tx.RollbackAsync();
    }

    // ---- property: random operations on places and units, then maintained == recount == rebuild ----

    /// <summary>One change: what to do, two numbers to pick the rows it applies to, and a yes/no.</summary>
    public record Op(int Kind, int A, int B, bool Flag)
    {
        public override string ToString() => $"{Names[Kind]}({A},{B},{Flag})";
        public static readonly string[] Names =
            ["AddGrid", "ToggleGridBranch", "AddCompound", "ToggleOwnBranch", "ChangeCompoundGrid", "AddBuilding", "ToggleLeader",
             "AddHouseholds", "EndHousehold", "EndBuilding", "EndCompound", "EndGrid", "MoveCommunity", "AddUnit", "DissolveUnit"];
    }

    static readonly Gen<Op[]> Sequences = Gen.Select(Gen.Int[0, Op.Names.Length - 1], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Bool)
        .Select((k, a, b, f) => new Op(k, a, b, f)).Array[1, 20];

    /// <summary>Two streets of two communities, each with a grid branch: the playground of the property, apart from the demo's units.</summary>
    (Guid[] Streets, Guid[] Communities) Playground()
    {
        var ids = app.WithDb(db =>
        {
            var district = db.OrgUnits.First(u => u.Kind == OrgKind.District);
            var made = new List<OrgUnit>();
            OrgUnit Add(OrgUnit parent, OrgKind kind, string name, BranchKind bk = BranchKind.None)
            {
                var u = new OrgUnit { ParentId = parent.Id, Kind = kind, BranchKind = bk, Name = name, ShortName = name, Depth = parent.Depth + 1 };
                u.Path = OrgUnit.PathOf(parent.Path, u.Id);
                db.OrgUnits.Add(u);
                made.Add(u);
                return u;
            }
            var streets = Enumerable.Range(1, 2).Select(s => Add(district, OrgKind.Street, $"性质测试街道{s}")).ToList();
            var communities = streets.SelectMany(s => Enumerable.Range(1, 2).Select(c => Add(s, OrgKind.Community, $"{s.Name}社区{c}"))).ToList();
            foreach (var c in communities) Add(c, OrgKind.Branch, c.Name + "网格党支部", BranchKind.Grid);
            db.SaveChanges();
            return (streets.Select(s => s.Id).ToArray(), communities.Select(c => c.Id).ToArray());
        });
        return ids;
    }

    async Task ApplyAsync(Op op, Guid[] streets, Guid[] communityIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = sp.GetRequiredService<LianxinDb>();
        var communities = await db.OrgUnits.Where(u => communityIds.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync();
        var community = communities[op.A % communities.Count];
        var branch = await db.OrgUnits.FirstAsync(u => u.ParentId == community.Id);
        var grids = await db.Grids.Where(g => communityIds.Contains(g.CommunityId)).OrderBy(g => g.Id).ToListAsync();
        var compounds = await db.Compounds.Where(c => communityIds.Contains(c.CommunityId)).OrderBy(c => c.Id).ToListAsync();
        var compoundIds = compounds.Select(c => c.Id).ToList();
        var buildings = await db.Buildings.Where(b => compoundIds.Contains(b.CompoundId)).OrderBy(b => b.Id).ToListAsync();
        var buildingIds = buildings.Select(b => b.Id).ToList();
        var households = await db.Households.Where(h => buildingIds.Contains(h.BuildingId)).OrderBy(h => h.Id).ToListAsync();
        T? Pick<T>(List<T> list) where T : class => list.Count == 0 ? null : list[op.B % list.Count];
        async Task<OrgUnit> BranchOf(Guid communityId) => await db.OrgUnits.FirstAsync(u => u.ParentId == communityId);

        switch (op.Kind)
        {
            case 0:
                db.Grids.Add(new Grid { CommunityId = community.Id, Name = "网格", Code = "G", BranchId = op.Flag ? branch.Id : null, OrgPath = op.Flag ? branch.Path : community.Path });
                break;
            case 1 when Pick(grids) is { } g:
                g.BranchId = g.BranchId is null ? (await BranchOf(g.CommunityId)).Id : null;
                break;
            case 2:
                var inGrid = grids.Where(g => g.CommunityId == community.Id).ToList();
                var grid = op.B % 3 == 0 ? null : inGrid.Count == 0 ? null : inGrid[op.B % inGrid.Count];
                db.Compounds.Add(new Compound { CommunityId = community.Id, GridId = grid?.Id, Name = "小区", BranchId = op.Flag ? branch.Id : null, OrgPath = op.Flag ? branch.Path : community.Path });
                break;
            case 3 when Pick(compounds) is { } c:
                var own = await BranchOf(c.CommunityId);
                c.BranchId = c.BranchId is null ? own.Id : null;
                await db.RepathCompoundAsync(c, c.BranchId is null ? communities.First(x => x.Id == c.CommunityId).Path : own.Path, default);
                break;
            case 4 when Pick(compounds) is { } c:
                var others = grids.Where(g => g.CommunityId == c.CommunityId).ToList();
                c.GridId = op.Flag || others.Count == 0 ? null : others[op.A % others.Count].Id;
                break;
            case 5 when Pick(compounds) is { } c:
                db.Buildings.Add(new Building { CompoundId = c.Id, GridId = c.GridId, OrgPath = c.OrgPath, Name = "楼", LeaderMemberId = op.Flag ? Guid.NewGuid() : null });
                break;
            case 6 when Pick(buildings) is { } b:
                b.LeaderMemberId = b.LeaderMemberId is null ? Guid.NewGuid() : null;
                break;
            case 7 when Pick(buildings) is { } b:
                await sp.GetRequiredService<PlaceDirectory>().AddHouseholdsAsync(
                    Enumerable.Range(1, op.A % 3 + 1).Select(i => new NewHousehold(b.Id, "1", $"{op.B}{i}", 2)).ToList(), default);
                break;
            case 8 when Pick(households) is { } h:
                db.Households.Remove(h);
                break;
            case 9 when Pick(buildings) is { } b:
                db.Households.RemoveRange(households.Where(h => h.BuildingId == b.Id));
                db.Buildings.Remove(b);
                break;
            case 10 when Pick(compounds) is { } c:
                var gone = buildings.Where(b => b.CompoundId == c.Id).Select(b => b.Id).ToHashSet();
                db.Households.RemoveRange(households.Where(h => gone.Contains(h.BuildingId)));
                db.Buildings.RemoveRange(buildings.Where(b => gone.Contains(b.Id)));
                db.Compounds.Remove(c);
                break;
            case 11 when Pick(grids) is { } g:
                foreach (var c in compounds.Where(c => c.GridId == g.Id)) c.GridId = null;
                db.Grids.Remove(g);
                break;
            case 12:
                var to = streets.First(s => !community.Path.Contains(s.ToString("N")));
                var moved = await MoveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), TimeProvider.System, community.Id,
                    new MoveUnitRequest { NewParentId = to, Version = community.Version }, default);
                Assert.True(moved.IsOk, moved.Message);
                return;
            case 13:
                // A branch under the community, or a group under one of its branches.
                var parent = op.Flag ? community : Pick(await db.OrgUnits.Where(u => u.ParentId == community.Id && u.Status == OrgStatus.Active).OrderBy(u => u.Id).ToListAsync()) ?? community;
                var created = await CreateUnit.HandleAsync(db, TimeProvider.System, new CreateUnitRequest
                {
                    ParentId = parent.Id, Kind = parent.Kind == OrgKind.Community ? OrgKind.Branch : OrgKind.Group,
                    BranchKind = parent.Kind == OrgKind.Community ? BranchKind.Enterprise : BranchKind.None, Name = $"性质测试单位{op.A}{op.B}",
                }, default);
                Assert.True(created.IsOk, created.Message);
                return;
            case 14:
                // An active unit below a community with no active unit under it (a grid branch too: its places fall back).
                var all = db.OrgUnits; // a local: an expression tree cannot hold the module's extension property
                var leaves = await all.Where(u => u.Status == OrgStatus.Active && u.ParentId != null && (communityIds.Contains(u.ParentId.Value)
                        || all.Any(p => p.Id == u.ParentId && p.ParentId != null && communityIds.Contains(p.ParentId.Value)))
                    && !all.Any(c => c.ParentId == u.Id && c.Status == OrgStatus.Active)).OrderBy(u => u.Id).ToListAsync();
                if (Pick(leaves) is not { } leaf) return;
                var dissolved = await DissolveUnit.HandleAsync(db, sp.GetRequiredService<UnitLifecycles>(), TimeProvider.System, leaf.Id,
                    new DissolveUnitRequest { Reason = "性质测试", Version = leaf.Version }, default);
                Assert.True(dissolved.IsOk, dissolved.Message);
                return;
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task After_any_sequence_of_changes_and_moves_the_maintained_counts_equal_a_recount_and_a_rebuild()
    {
        var (streets, communities) = Playground();
        var units = app.WithDb(db => db.OrgUnits.Where(u => u.Kind == OrgKind.District).Select(u => u.Id).ToList())
            .Concat(streets).Concat(communities).Concat(app.WithDb(db => db.OrgUnits.Where(u => communities.Contains(u.ParentId!.Value)).Select(u => u.Id).ToList())).ToList();
        await Sequences.SampleAsync(async ops =>
        {
            foreach (var op in ops) await ApplyAsync(op, streets, communities);
            await AssertMaintainedEqualsRecountAndRebuildAsync(units);
        }, iter: 12, threads: 1);
    }

    // ---- a scripted sequence over the API, with a community moving to another street ----

    [Fact]
    public async Task A_community_moved_to_another_street_takes_its_places_out_of_one_street_figures_and_into_the_other()
    {
        var api = await app.ApiAs("admin");
        async Task<JsonElement> Post(string url, object body)
        {
            var r = await api.PostAsJsonAsync(url, body);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return await r.Content.ReadFromJsonAsync<JsonElement>();
        }
        async Task<JsonElement> Cov(Guid id) => Coverage(await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{id}"));
        // Its own origin street, not the demo's: tests running meanwhile count the demo street's communities.
        var district = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.District).Id);
        var dongHu = (await Post("/api/v1/org/units", new { parentId = district, kind = "Street", name = "脚本测试原街道党工委", shortName = "脚本测试原街道" })).GetProperty("id").GetGuid();
        var before = await Cov(dongHu);

        var street = (await Post("/api/v1/org/units", new { parentId = district, kind = "Street", name = "脚本测试街道党工委", shortName = "脚本测试街道" })).GetProperty("id").GetGuid();
        var community = (await Post("/api/v1/org/units", new { parentId = dongHu, kind = "Community", name = "脚本测试社区党委", shortName = "脚本测试社区" })).GetProperty("id").GetGuid();
        var branch = (await Post("/api/v1/org/units", new { parentId = community, kind = "Branch", branchKind = "Grid", name = "脚本测试网格党支部", shortName = "脚本测试网格党支部" })).GetProperty("id").GetGuid();
        var grid = (await Post("/api/v1/org/grids", new { communityId = community, name = "脚本测试网格", branchId = branch })).GetProperty("id").GetGuid();
        var inGrid = (await Post("/api/v1/org/compounds", new { communityId = community, gridId = grid, name = "脚本测试小区甲", type = "Commercial" })).GetProperty("id").GetGuid();
        var alone = (await Post("/api/v1/org/compounds", new { communityId = community, name = "脚本测试小区乙", type = "Commercial" })).GetProperty("id").GetGuid();
        var building = (await Post("/api/v1/org/buildings", new { compoundId = inGrid, name = "1号楼", floors = 6 })).GetProperty("id").GetGuid();
        await Post($"/api/v1/org/buildings/{building}/households", new { items = new[] { new { unit = "1", room = "101", residents = 2 }, new { unit = "1", room = "102", residents = 3 } } });
        await Post("/api/v1/org/buildings", new { compoundId = alone, name = "2号楼", floors = 6 });
        await Post($"/api/v1/org/compounds/{alone}/split", new { branchName = "脚本测试小区乙党支部" });

        var grown = await Cov(dongHu);
        Assert.Equal(before.GetProperty("grids").GetInt32() + 1, grown.GetProperty("grids").GetInt32());
        Assert.Equal(before.GetProperty("compounds").GetInt32() + 2, grown.GetProperty("compounds").GetInt32());
        Assert.Equal(before.GetProperty("compoundsWithOwnBranch").GetInt32() + 1, grown.GetProperty("compoundsWithOwnBranch").GetInt32());
        Assert.Equal(before.GetProperty("compoundsCovered").GetInt32() + 2, grown.GetProperty("compoundsCovered").GetInt32());
        Assert.Equal(before.GetProperty("buildings").GetInt32() + 2, grown.GetProperty("buildings").GetInt32());
        Assert.Equal(before.GetProperty("households").GetInt32() + 2, grown.GetProperty("households").GetInt32());

        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/units/{community}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/org/units/{community}/move", new { newParentId = street, version })).StatusCode);

        Assert.Equal(before.ToString(), (await Cov(dongHu)).ToString());
        var moved = await Cov(street);
        Assert.Equal((1, 2, 2, 2), (moved.GetProperty("grids").GetInt32(), moved.GetProperty("compounds").GetInt32(),
            moved.GetProperty("buildings").GetInt32(), moved.GetProperty("households").GetInt32()));
        await AssertMaintainedEqualsRecountAndRebuildAsync();
    }

    // ---- what a request costs ----

    [Fact]
    public async Task A_street_detail_reads_its_figures_without_counting_the_place_tables()
    {
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var street = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Street && u.Status == OrgStatus.Active).Id);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("street")).DefaultRequestHeaders.Authorization;
        (await api.GetAsync($"/api/v1/org/units/{street}")).EnsureSuccessStatusCode();

        var sent = await counter.CountAsync(async () => (await api.GetAsync($"/api/v1/org/units/{street}")).EnsureSuccessStatusCode());

        // 22 before the counts were maintained (2 of them the bearer token's user and grants); 9 before ADR 0051, 6 before
        // ADR 0054; 5 now: the sign-in, the unit with its positions, the trail's names, the children, the coverage.
        Assert.InRange(sent.Count, 1, 5);
        Assert.DoesNotContain(sent, q => q.Contains("org_households") || q.Contains("org_buildings") || q.Contains("org_compounds") || q.Contains("org_grids"));
        // The active units by kind come with the places' sums, not from a count over the units.
        Assert.DoesNotContain(sent, q => q.Contains("org_units") && q.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));
    }
}
