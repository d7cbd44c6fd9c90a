using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public record PathItem(Guid Id, string Name);
public record PositionRow(Guid Id, string Title, string PersonName, string? Phone, DateOnly StartedOn, DateOnly? EndedOn);
public record GridRow(Guid Id, string Name, string Code, Guid? BranchId, string? BranchName, string? GridWorker, int Compounds, int Version);
public record CompoundRow(Guid Id, string Name, CompoundType Type, string TypeName, string? Address, Guid? GridId, string? GridName,
    Guid? BranchId, string? BranchName, int Buildings, int BuildingsWithLeader, int Households, int Version);

public record UnitDetailDto(
    Guid Id, Guid? ParentId, string Name, string ShortName, string Code, OrgKind Kind, BranchKind BranchKind, string KindName,
    OrgStatus Status, string? Contact, string? Address, DateTime? DissolvedAt, string? DissolveReason, int Version, int Depth,
    IReadOnlyList<PathItem> Trail, IReadOnlyList<PositionRow> Positions, IReadOnlyList<TreeNode> Children,
    IReadOnlyList<GridRow> Grids, IReadOnlyList<CompoundRow> Compounds, Coverage Coverage, bool CanManage,
    // For the page's panels (they check their own permission on it instead of reading the unit again); not in the API's answer.
    [property: System.Text.Json.Serialization.JsonIgnore] string Path = "")
{
    public string DisplayName => ShortName != "" ? ShortName : Name;
}

/// <summary>
/// A unit with its people, sub-units, places and coverage. Places are listed for communities and branches;
/// streets and the district show counts and coverage only (a street of a large district has thousands), read from the
/// maintained counts (ADR 0026), the active units by kind with them (ADR 0054).
/// </summary>
public static class UnitDetail
{
    public static async Task<Outcome<UnitDetailDto>> HandleAsync(LianxinDb db, PersonalData pd, Guid id, CancellationToken ct)
    {
        var read = await ReadUnit(db, id, ct);
        if (read is null) return Failure.NotFound;
        var u = read.Unit;
        if (!db.Scope.Can(OrgPermissions.OrgView, u.Path)) return Failure.Forbidden;
        var canManage = db.Scope.Can(OrgPermissions.OrgManage, u.Path);

        var ancestors = OrgRules.IdsOf(u.Path);
        var names = await db.NamesAsync(ancestors, ct);
        var trail = ancestors.Where(names.ContainsKey).Select(a => new PathItem(a, names[a])).ToList();

        // Phones are for those who manage the unit; everyone else sees them masked.
        var positions = read.Positions
            .Select(p => (Row: p, Phone: p.PhoneCipher is null ? null : pd.OpenPhone(p.PhoneCipher)))
            .Select(x => new PositionRow(x.Row.Id, x.Row.Title, x.Row.PersonName, x.Phone is null ? null : canManage ? x.Phone : Mask.Phone(x.Phone), x.Row.StartedOn, x.Row.EndedOn)).ToList();
        var children = await db.NodesAsync(db.OrgUnits.Where(c => c.ParentId == u.Id), ct);

        var (gridRows, compoundRows) = u.Kind is OrgKind.Community or OrgKind.Branch ? await PlacesAsync(db, u, names, ct) : ([], []);
        var coverage = await PlaceTotals.CoverageUnderAsync(db, u.Path, ct);
        var kindName = u.Kind == OrgKind.Branch && u.BranchKind != BranchKind.None ? u.BranchKind.Chinese() : u.Kind.Chinese();
        return new UnitDetailDto(u.Id, u.ParentId, u.Name, u.ShortName, u.Code, u.Kind, u.BranchKind, kindName, u.Status, u.Contact, u.Address,
            u.DissolvedAt, u.DissolveReason, u.Version, u.Depth, trail, positions, children, gridRows, compoundRows, coverage, canManage, u.Path);
    }

    sealed record UnitWithPositions(OrgUnit Unit, List<OrgPosition> Positions);

    // The unit with its positions in one statement (a join; issue 15): positions of a unit the caller may not view are read and
    // dropped, never shown. Compiled once (ADR 0057): the detail and the unit page read it on every request, and the perf profile
    // put building and looking up this expression at ≈ 4 % of the detail's CPU. The query filters still apply per call.
    static readonly Func<LianxinDb, Guid, CancellationToken, Task<UnitWithPositions?>> ReadUnit = EF.CompileAsyncQuery(
        (LianxinDb db, Guid id, CancellationToken ct) => db.Set<OrgUnit>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new UnitWithPositions(x, db.Set<OrgPosition>().Where(p => p.OrgUnitId == x.Id)
                .OrderBy(p => p.EndedOn != null).ThenBy(p => p.SortOrder).ThenBy(p => p.StartedOn).ToList()))
            .FirstOrDefault());

    /// <summary>The grids and compounds of a community, or those a branch answers for, with their buildings and households.</summary>
    static async Task<(List<GridRow>, List<CompoundRow>)> PlacesAsync(LianxinDb db, OrgUnit u, Dictionary<Guid, string> names, CancellationToken ct)
    {
        var community = u.Kind == OrgKind.Community;
        var grids = community ? db.Grids.Where(g => g.CommunityId == u.Id) : db.Grids.Where(g => g.BranchId == u.Id);
        var compounds = community ? db.Compounds.Where(c => c.CommunityId == u.Id) : db.Compounds.Where(c => c.BranchId == u.Id || c.OrgPath == u.Path);
        var gridList = await grids.OrderBy(g => g.Code).ThenBy(g => g.Name).Take(500).ToListAsync(ct);
        var compoundList = await compounds.OrderBy(c => c.Name).Take(500).ToListAsync(ct);
        var compoundIds = compoundList.Select(c => c.Id).ToList();
        var gridIds = compoundList.Where(c => c.GridId != null).Select(c => c.GridId!.Value).Concat(gridList.Select(g => g.Id)).Distinct().ToList();
        var gridNames = await db.Grids.Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var branchIds = gridList.Where(g => g.BranchId != null).Select(g => g.BranchId!.Value)
            .Concat(compoundList.Where(c => c.BranchId != null).Select(c => c.BranchId!.Value)).ToList();
        var branchNames = await db.NamesAsync(branchIds, ct);
        var buildingStats = await db.Buildings.Where(b => compoundIds.Contains(b.CompoundId)).GroupBy(b => b.CompoundId)
            .Select(g => new { g.Key, Count = g.Count(), Led = g.Count(b => b.LeaderMemberId != null) })
            .ToDictionaryAsync(g => g.Key, ct);
        var householdStats = await (from h in db.Households
                                    join b in db.Buildings on h.BuildingId equals b.Id
                                    where compoundIds.Contains(b.CompoundId)
                                    group h by b.CompoundId into g
                                    select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var compoundsPerGrid = compoundList.Where(c => c.GridId != null).GroupBy(c => c.GridId!.Value).ToDictionary(g => g.Key, g => g.Count());

        var gridRows = gridList.Select(g => new GridRow(g.Id, g.Name, g.Code, g.BranchId, g.BranchId is { } b ? names.GetValueOrDefault(b) ?? branchNames.GetValueOrDefault(b) : null,
            g.GridWorker, compoundsPerGrid.GetValueOrDefault(g.Id), g.Version)).ToList();
        var compoundRows = compoundList.Select(c => new CompoundRow(c.Id, c.Name, c.Type, c.Type.Chinese(), c.Address, c.GridId,
            c.GridId is { } gi ? gridNames.GetValueOrDefault(gi) : null, c.BranchId, c.BranchId is { } b ? branchNames.GetValueOrDefault(b) : null,
            buildingStats.GetValueOrDefault(c.Id)?.Count ?? 0, buildingStats.GetValueOrDefault(c.Id)?.Led ?? 0,
            householdStats.GetValueOrDefault(c.Id), c.Version)).ToList();
        return (gridRows, compoundRows);
    }
}
