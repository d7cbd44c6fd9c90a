using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Contracts;

/// <summary>A grid (网格) of a community as other modules see it; <see cref="GridWorker"/> is the 网格员 named on it.</summary>
public record GridRef(Guid Id, Guid CommunityId, string OrgPath, string Name, string Code, Guid? BranchId, string? GridWorker = null);

/// <summary>A compound (小区 / 院落) as other modules see it.</summary>
public record CompoundRef(Guid Id, Guid CommunityId, Guid? GridId, Guid? BranchId, string OrgPath, string Name, CompoundType Type);

/// <summary>
/// A building (楼栋) as other modules see it; <see cref="UnlinkedLeaderName"/> is a 楼栋长 typed as free text before 0031 that
/// matched no roster member (null when a member is linked or there is none).
/// </summary>
public record BuildingRef(Guid Id, Guid CompoundId, Guid? GridId, string OrgPath, string Name, string? UnlinkedLeaderName = null);

/// <summary>A household (户) with the compound and grid of its building.</summary>
public record HouseholdRef(Guid Id, Guid BuildingId, Guid CompoundId, Guid? GridId, string OrgPath, string Unit, string Room, int Residents);

/// <summary>A position (书记, 党小组长…) held at a unit; the holder's phone stays in Organizations.</summary>
public record PositionRef(Guid Id, Guid OrgUnitId, string OrgPath, string Title, string PersonName, Guid? UserId, DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>
/// A compound (小区) as other modules see it: <see cref="BranchId"/> is its own branch after 拆—转—建 (first stop for
/// demands about it), <see cref="GridBranchId"/> the branch of its grid otherwise.
/// </summary>
public record CompoundRoute(Guid Id, Guid CommunityId, string Name, Guid? GridBranchId, Guid? BranchId);

/// <summary>A household to record in an existing building.</summary>
public record NewHousehold(Guid BuildingId, string Unit, string Room, int Residents);

/// <summary>
/// The places of the tree (grids, compounds, buildings, households) and the positions held at units, as other modules
/// read them (ADR 0016). Like <see cref="OrgDirectory"/>: methods named <c>…InScope</c> or <c>Find…</c> see what the
/// caller sees; the others read the whole district (names of places a member lives in, system work). Registered scoped.
/// </summary>
public class PlaceDirectory(LianxinDb db)
{
    static IQueryable<GridRef> Grids(IQueryable<Grid> q) => q.AsNoTracking()
        .Select(g => new GridRef(g.Id, g.CommunityId, g.OrgPath, g.Name, g.Code, g.BranchId, g.GridWorker));

    static IQueryable<CompoundRef> Compounds(IQueryable<Compound> q) => q.AsNoTracking()
        .Select(c => new CompoundRef(c.Id, c.CommunityId, c.GridId, c.BranchId, c.OrgPath, c.Name, c.Type));

    static IQueryable<BuildingRef> Buildings(IQueryable<Building> q) => q.AsNoTracking()
        .Select(b => new BuildingRef(b.Id, b.CompoundId, b.GridId, b.OrgPath, b.Name, b.LeaderMemberId == null ? b.LeaderName : null));

    static IQueryable<HouseholdRef> Households(IQueryable<Household> households, IQueryable<Building> buildings) =>
        from h in households.AsNoTracking()
        join b in buildings on h.BuildingId equals b.Id
        select new HouseholdRef(h.Id, h.BuildingId, b.CompoundId, b.GridId, h.OrgPath, h.Unit, h.Room, h.Residents);

    /// <summary>The grid when the caller sees it (else null: answer 404).</summary>
    public Task<GridRef?> FindGridAsync(Guid id, CancellationToken ct) =>
        Grids(db.Grids.Where(g => g.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Grids of the district by id, seen or not.</summary>
    public async Task<IReadOnlyList<GridRef>> GridsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Grids(db.Grids.AcrossScope().Where(g => list.Contains(g.Id))).ToListAsync(ct);
    }

    /// <summary>The grids of a community, seen or not, by code.</summary>
    public async Task<IReadOnlyList<GridRef>> GridsOfCommunityAsync(Guid communityId, CancellationToken ct) =>
        await Grids(db.Grids.AcrossScope().Where(g => g.CommunityId == communityId).OrderBy(g => g.Code)).ToListAsync(ct);

    /// <summary>Compounds the caller sees under <paramref name="under"/> when given, in tree order then by name, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<CompoundRef>> CompoundsInScopeAsync(string? under, int take, CancellationToken ct)
    {
        var q = db.Compounds.AsQueryable();
        if (under is not null) q = q.Where(c => c.OrgPath.StartsWith(under));
        return await Compounds(q.OrderBy(c => c.OrgPath).ThenBy(c => c.Name)).Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// Compounds the caller sees whose name contains <paramref name="term"/> (all when empty), under one of <paramref name="roots"/>
    /// (paths, for a permission narrower than seeing; everything seen when null), in tree order then by name and
    /// Id, from just past <paramref name="after"/> (the path, name and Id of the last one already shown), at most <paramref name="take"/>.
    /// </summary>
    public async Task<IReadOnlyList<CompoundRef>> SearchInScopeAsync(string? term, IReadOnlyCollection<string>? roots,
        (string Path, string Name, Guid Id)? after, int take, CancellationToken ct)
    {
        var q = db.Compounds.AsQueryable();
        if (roots is not null)
        {
            var list = roots.ToList();
            q = q.Where(c => list.Any(r => c.OrgPath.StartsWith(r)));
        }
        if (!string.IsNullOrEmpty(term)) q = q.Where(c => c.Name.Contains(term));
        if (after is var (path, name, id))
            q = q.Where(c => string.Compare(c.OrgPath, path) > 0 || (c.OrgPath == path && (string.Compare(c.Name, name) > 0 || (c.Name == name && c.Id.CompareTo(id) > 0))));
        return await Compounds(q.OrderBy(c => c.OrgPath).ThenBy(c => c.Name).ThenBy(c => c.Id)).Take(take).ToListAsync(ct);
    }

    /// <summary>How many compounds the caller sees under <paramref name="under"/> when given, counted up to <paramref name="cap"/>: a select box counts before it loads.</summary>
    public Task<int> CountCompoundsInScopeAsync(string? under, int cap, CancellationToken ct)
    {
        var q = db.Compounds.AsQueryable();
        if (under is not null) q = q.Where(c => c.OrgPath.StartsWith(under));
        return q.Select(c => c.Id).Take(cap).CountAsync(ct);
    }

    /// <summary>Every compound of the district (a member may live outside the caller's scope).</summary>
    public async Task<IReadOnlyList<CompoundRef>> CompoundsInDistrictAsync(CancellationToken ct) =>
        await Compounds(db.Compounds.AcrossScope()).ToListAsync(ct);

    /// <summary>Compounds of the district by id, seen or not.</summary>
    public async Task<IReadOnlyList<CompoundRef>> CompoundsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Compounds(db.Compounds.AcrossScope().Where(c => list.Contains(c.Id))).ToListAsync(ct);
    }

    /// <summary>The compounds of a community, seen or not, by name (the caller has checked the community).</summary>
    public async Task<IReadOnlyList<CompoundRef>> CompoundsOfCommunityAsync(Guid communityId, CancellationToken ct) =>
        await Compounds(db.Compounds.AcrossScope().Where(c => c.CommunityId == communityId).OrderBy(c => c.Name)).ToListAsync(ct);

    /// <summary>The buildings of the given compounds, seen or not.</summary>
    public async Task<IReadOnlyList<BuildingRef>> BuildingsOfCompoundsAsync(IEnumerable<Guid> compoundIds, CancellationToken ct)
    {
        var list = compoundIds.Distinct().ToList();
        return list.Count == 0 ? [] : await Buildings(db.Buildings.AcrossScope().Where(b => list.Contains(b.CompoundId))).ToListAsync(ct);
    }

    /// <summary>
    /// Records the building's 楼栋长 as the roster member Members assigned (null: none), replacing any free-text name. Not saved
    /// here: the caller saves it with its own assignment row, in one transaction. Coverage counts buildings with a member.
    /// </summary>
    public async Task SetBuildingLeaderAsync(Guid buildingId, Guid? memberId, string? memberName, CancellationToken ct)
    {
        var b = await db.Buildings.AcrossScope().FirstAsync(x => x.Id == buildingId, ct);
        (b.LeaderMemberId, b.LeaderName, b.LeaderPhoneCipher) = (memberId, memberName, null);
    }

    /// <summary>The building when the caller sees it (else null: answer 404).</summary>
    public Task<BuildingRef?> FindBuildingAsync(Guid id, CancellationToken ct) =>
        Buildings(db.Buildings.Where(b => b.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>The buildings whose compound belongs to the unit at <paramref name="path"/> or below it, seen or not (the caller has
    /// checked the unit), in tree order then by name.</summary>
    public async Task<IReadOnlyList<BuildingRef>> BuildingsUnderAsync(string path, CancellationToken ct) =>
        await Buildings(db.Buildings.AcrossScope().Where(b => b.OrgPath.StartsWith(path)).OrderBy(b => b.OrgPath).ThenBy(b => b.CompoundId).ThenBy(b => b.Name))
            .ToListAsync(ct);

    /// <summary>Buildings the caller sees.</summary>
    public async Task<IReadOnlyList<BuildingRef>> BuildingsInScopeAsync(CancellationToken ct) =>
        await Buildings(db.Buildings).ToListAsync(ct);

    /// <summary>Buildings of the district by id, seen or not.</summary>
    public async Task<IReadOnlyList<BuildingRef>> BuildingsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Buildings(db.Buildings.AcrossScope().Where(b => list.Contains(b.Id))).ToListAsync(ct);
    }

    /// <summary>Households of the district by id, seen or not.</summary>
    public async Task<IReadOnlyList<HouseholdRef>> HouseholdsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Households(db.Households.AcrossScope().Where(h => list.Contains(h.Id)), db.Buildings.AcrossScope()).ToListAsync(ct);
    }

    /// <summary>The households in the buildings of a grid, seen or not.</summary>
    public async Task<IReadOnlyList<HouseholdRef>> HouseholdsOfGridAsync(Guid gridId, CancellationToken ct) =>
        await Households(db.Households.AcrossScope(), db.Buildings.AcrossScope().Where(b => b.GridId == gridId)).ToListAsync(ct);

    /// <summary>The households of the given buildings, seen or not.</summary>
    public async Task<IReadOnlyList<HouseholdRef>> HouseholdsOfBuildingsAsync(IEnumerable<Guid> buildingIds, CancellationToken ct)
    {
        var list = buildingIds.Distinct().ToList();
        return list.Count == 0 ? [] : await Households(db.Households.AcrossScope(), db.Buildings.AcrossScope().Where(b => list.Contains(b.Id))).ToListAsync(ct);
    }

    /// <summary>How many households the caller sees under <paramref name="path"/> (a visit coverage's denominator), from the maintained counts.</summary>
    public async Task<int> CountHouseholdsUnderAsync(string path, CancellationToken ct) =>
        (await Features.PlaceTotals.UnderAsync(db.UnitCounts, path, ct)).Households;

    /// <summary>
    /// The same for each of <paramref name="paths"/>, in one query (ADR 0039). When the caller sees every one of the paths, what
    /// it sees under them is the whole of it, so the district-wide totals the coverage figures read answer too (ADR 0042).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountHouseholdsUnderEachAsync(IReadOnlyCollection<string> paths, CancellationToken ct) =>
        (paths.All(db.Scope.Sees) ? await TotalsUnderEachAsync(paths, ct) : await Features.PlaceTotals.UnderEachAsync(db.UnitCounts, paths, ct))
            .ToDictionary(x => x.Key, x => x.Value.Households);

    /// <summary>How many compounds lie under each of <paramref name="paths"/> across the district, from the maintained counts shared for the request (ADR 0046).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountCompoundsUnderEachAsync(IReadOnlyCollection<string> paths, CancellationToken ct) =>
        (await TotalsUnderEachAsync(paths, ct)).ToDictionary(x => x.Key, x => x.Value.Compounds);

    /// <summary>The path of every compound of the district, read once per request (the tree keeps no history; ADR 0046).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> CompoundPathsInDistrictAsync(CancellationToken ct) =>
        compoundPaths ??= await db.Compounds.AcrossScope().AsNoTracking().Select(c => new { c.Id, c.OrgPath }).ToDictionaryAsync(c => c.Id, c => c.OrgPath, ct);

    Dictionary<Guid, string>? compoundPaths;

    /// <summary>
    /// The maintained counts under each of <paramref name="paths"/> across the district, read once per set of paths for the
    /// request (ADR 0042): the tree keeps no history, so a comparison's two periods and its several sources share one read.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, PlaceCounts>> TotalsUnderEachAsync(IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var key = string.Join("\n", paths.Order(StringComparer.Ordinal));
        if (!totals.TryGetValue(key, out var sums))
            totals[key] = sums = await Features.PlaceTotals.UnderEachAsync(db.UnitCounts.AcrossScope(), paths, ct);
        return sums;
    }

    readonly Dictionary<string, Dictionary<string, PlaceCounts>> totals = [];

    /// <summary>How many households each grid has (grids without any are absent), seen or not.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> HouseholdCountsByGridAsync(IEnumerable<Guid> gridIds, CancellationToken ct)
    {
        var list = gridIds.Distinct().ToList();
        if (list.Count == 0) return new Dictionary<Guid, int>();
        return await (from h in db.Households.AcrossScope() join b in db.Buildings.AcrossScope() on h.BuildingId equals b.Id
                      where b.GridId != null && list.Contains(b.GridId.Value)
                      group h by b.GridId into g select new { Grid = g.Key!.Value, N = g.Count() }).ToDictionaryAsync(x => x.Grid, x => x.N, ct);
    }

    /// <summary>
    /// Records households in existing buildings and saves them (one transaction, each row audited). The caller has
    /// already checked that it may do so and that the rooms are new; each household takes its building's path.
    /// </summary>
    public async Task<int> AddHouseholdsAsync(IReadOnlyList<NewHousehold> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.BuildingId).Distinct().ToList();
        var paths = await db.Buildings.AcrossScope().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.OrgPath, ct);
        foreach (var r in rows)
            db.Households.Add(new Household { BuildingId = r.BuildingId, OrgPath = paths[r.BuildingId], Unit = r.Unit, Room = r.Room, Residents = r.Residents });
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>Positions held today at the unit at <paramref name="path"/> and below it, seen or not.</summary>
    public async Task<IReadOnlyList<PositionRef>> CurrentPositionsUnderAsync(string path, CancellationToken ct) =>
        await db.OrgPositions.AcrossScope().AsNoTracking().Where(p => p.EndedOn == null && p.OrgPath.StartsWith(path))
            .Select(p => new PositionRef(p.Id, p.OrgUnitId, p.OrgPath, p.Title, p.PersonName, p.UserId, p.StartedOn, p.EndedOn)).ToListAsync(ct);

    // Compounds as Demands picks and routes them.

    /// <summary>Compounds by name, each with its grid's branch (grids read across the scope: a compound's grid is where it lies).</summary>
    async Task<List<CompoundRoute>> RoutesAsync(IQueryable<Domain.Compound> compounds, CancellationToken ct)
    {
        var rows = await compounds.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.CommunityId, c.Name, c.GridId, c.BranchId }).ToListAsync(ct);
        var gridIds = rows.Where(c => c.GridId is not null).Select(c => c.GridId!.Value).Distinct().ToList();
        var branches = gridIds.Count == 0 ? [] : await db.Grids.AcrossScope().Where(g => gridIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.BranchId, ct);
        return rows.Select(c => new CompoundRoute(c.Id, c.CommunityId, c.Name, c.GridId is { } g ? branches.GetValueOrDefault(g) : null, c.BranchId)).ToList();
    }

    /// <summary>The compounds of a community the caller sees, by name.</summary>
    public async Task<IReadOnlyList<CompoundRoute>> CompoundRoutesAsync(Guid communityId, CancellationToken ct) =>
        await RoutesAsync(db.Compounds.Where(c => c.CommunityId == communityId), ct);

    /// <summary>The compounds of the given communities, seen or not, by name.</summary>
    public async Task<IReadOnlyList<CompoundRoute>> CompoundRoutesInDistrictAsync(IEnumerable<Guid> communityIds, CancellationToken ct)
    {
        var ids = communityIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await RoutesAsync(db.Compounds.AcrossScope().Where(c => ids.Contains(c.CommunityId)), ct);
    }

    /// <summary>The compound anywhere in the district (a resident names it on the public intake), or null.</summary>
    public async Task<CompoundRoute?> FindCompoundRouteInDistrictAsync(Guid id, CancellationToken ct) =>
        (await RoutesAsync(db.Compounds.AcrossScope().Where(c => c.Id == id), ct)).FirstOrDefault();
}
