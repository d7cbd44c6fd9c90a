using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Contracts;

/// <summary>An org unit as other modules see it.</summary>
public record OrgUnitRef(Guid Id, Guid? ParentId, string Path, int Depth, OrgKind Kind, BranchKind BranchKind,
    string Name, string ShortName, string Code, OrgStatus Status)
{
    public string DisplayName => ShortName != "" ? ShortName : Name;
    /// <summary>"东湖街道党工委" → "东湖街道": residents (and public screens) know the street, not its party committee.</summary>
    public string PublicName => DisplayName.Replace("党工委", "").Replace("党总支", "").Replace("党支部", "").Replace("党委", "");
    public bool IsActive => Status == OrgStatus.Active;
    public string KindName => Kind == OrgKind.Branch && BranchKind != BranchKind.None ? BranchKind.Chinese() : Kind.Chinese();
    /// <summary>Place among its siblings in display order (lists of a street's communities, departments, children).</summary>
    public int SortOrder { get; init; }
}

/// <summary>
/// The org tree as other modules read it (ADR 0016): they never query Organizations' tables. Methods named
/// <c>…InScope</c> or taking no flag see what the caller sees; the others read the whole district (names of units
/// above the caller, system work), never another district. Registered scoped; also answers Platform's <see cref="IUnitDirectory"/>.
/// </summary>
public class OrgDirectory(LianxinDb db) : IUnitDirectory
{
    // Display names read in this request: the header's grant names, and names a page read anyway (its trail: Remember).
    readonly Dictionary<Guid, string> names = [];
    bool grantsNamed;

    static IQueryable<OrgUnitRef> Refs(IQueryable<OrgUnit> units) => units.AsNoTracking()
        .Select(u => new OrgUnitRef(u.Id, u.ParentId, u.Path, u.Depth, u.Kind, u.BranchKind, u.Name, u.ShortName, u.Code, u.Status) { SortOrder = u.SortOrder });

    /// <summary>The unit when the caller sees it (else null: answer 404).</summary>
    public Task<OrgUnitRef?> FindAsync(Guid id, CancellationToken ct) =>
        Refs(db.OrgUnits.Where(u => u.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>The unit anywhere in the district (e.g. the branch a member belongs to, above the caller's grant).</summary>
    public Task<OrgUnitRef?> FindInDistrictAsync(Guid id, CancellationToken ct) =>
        Refs(db.OrgUnits.AcrossScope().Where(u => u.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Units of the district by id, seen or not.</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> ManyAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Refs(db.OrgUnits.AcrossScope().Where(u => list.Contains(u.Id))).ToListAsync(ct);
    }

    /// <summary>Full names (党组织全称) of units of the district, seen or not.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> FullNamesAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await ManyAsync(ids, ct)).ToDictionary(u => u.Id, u => u.Name);

    /// <summary>Short names of units of the district, seen or not.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await ManyAsync(ids, ct)).ToDictionary(u => u.Id, u => u.DisplayName);

    /// <summary>Units the caller sees, of the given kinds (all kinds when none given), in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> InScopeAsync(CancellationToken ct, bool activeOnly = true, params OrgKind[] kinds)
    {
        var q = db.OrgUnits.AsQueryable();
        if (activeOnly) q = q.Where(u => u.Status == OrgStatus.Active);
        if (kinds.Length > 0) q = q.Where(u => kinds.Contains(u.Kind));
        return await Refs(q.OrderBy(u => u.Path)).ToListAsync(ct);
    }

    /// <summary>
    /// Active units the caller sees, of the given kinds, under <paramref name="under"/> when given, in tree order, at most
    /// <paramref name="take"/>: select boxes ask for one more than they show to know whether the set is too large.
    /// </summary>
    public async Task<IReadOnlyList<OrgUnitRef>> InScopeAsync(IReadOnlyCollection<OrgKind> kinds, string? under, int take, CancellationToken ct)
    {
        var q = db.OrgUnits.Where(u => u.Status == OrgStatus.Active && kinds.Contains(u.Kind));
        if (under is not null) q = q.Where(u => u.Path.StartsWith(under));
        return await Refs(q.OrderBy(u => u.Path)).Take(take).ToListAsync(ct);
    }

    /// <summary>How many active units of the given kinds the caller sees (under <paramref name="under"/> when given), counted up to <paramref name="cap"/>: a select box counts before it loads.</summary>
    public Task<int> CountInScopeAsync(IReadOnlyCollection<OrgKind> kinds, string? under, int cap, CancellationToken ct)
    {
        var q = db.OrgUnits.Where(u => u.Status == OrgStatus.Active && kinds.Contains(u.Kind));
        if (under is not null) q = q.Where(u => u.Path.StartsWith(under));
        return q.Select(u => u.Id).Take(cap).CountAsync(ct);
    }

    /// <summary>
    /// The active district, streets and communities the caller sees, in tree order. The tree fixes their levels (district,
    /// its streets, their communities: <see cref="OrgKindNames.MayContain"/>), so they are read through the parent index three
    /// levels deep instead of walking every unit of the district in path order to keep a few hundred (bench L: 321 of 7,301).
    /// </summary>
    public async Task<IReadOnlyList<OrgUnitRef>> UpperLevelsInScopeAsync(CancellationToken ct)
    {
        // The walk reads ids across scope (a community secretary does not see the street above); what is returned is in scope.
        var roots = await db.OrgUnits.AcrossScope().Where(u => u.ParentId == null).Select(u => u.Id).ToListAsync(ct);
        var streets = await db.OrgUnits.AcrossScope().Where(u => roots.Contains(u.ParentId!.Value) && u.Kind == OrgKind.Street)
            .Select(u => u.Id).ToListAsync(ct);
        var top = await Refs(db.OrgUnits.Where(u => roots.Contains(u.Id) && u.Status == OrgStatus.Active)).ToListAsync(ct);
        var below = await ChildrenInScopeAsync(roots.Concat(streets).ToList(), [OrgKind.Street, OrgKind.Community], ct);
        return top.Concat(below).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Active units the caller sees whose name or short name contains <paramref name="term"/> (all when empty), of the given
    /// kinds, under one of <paramref name="roots"/> (paths; everything seen when null), in tree order after the path
    /// <paramref name="after"/>, at most <paramref name="take"/>: a picker's page of matches (the path is unique, so it is the keyset).
    /// </summary>
    public async Task<IReadOnlyList<OrgUnitRef>> SearchInScopeAsync(string? term, IReadOnlyCollection<OrgKind> kinds, IReadOnlyCollection<string>? roots,
        string? after, int take, CancellationToken ct)
    {
        var q = db.OrgUnits.Where(u => u.Status == OrgStatus.Active && kinds.Contains(u.Kind));
        if (roots is not null)
        {
            var list = roots.ToList();
            q = q.Where(u => list.Any(r => u.Path.StartsWith(r)));
        }
        if (!string.IsNullOrEmpty(term)) q = q.Where(u => u.Name.Contains(term) || u.ShortName.Contains(term));
        if (after is not null) q = q.Where(u => string.Compare(u.Path, after) > 0);
        return await Refs(q.OrderBy(u => u.Path)).Take(take).ToListAsync(ct);
    }

    /// <summary>Active units of the given kinds the caller sees directly under one of <paramref name="parentIds"/>, in tree order (read through the parent index).</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> ChildrenInScopeAsync(IReadOnlyCollection<Guid> parentIds, IReadOnlyCollection<OrgKind> kinds, CancellationToken ct) =>
        parentIds.Count == 0 ? [] :
        // Sorted here, not in SQL: an ORDER BY "Path" makes SQLite walk the path index over the whole district instead.
        (await Refs(db.OrgUnits.Where(u => parentIds.Contains(u.ParentId!.Value) && u.Status == OrgStatus.Active && kinds.Contains(u.Kind))).ToListAsync(ct))
            .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    /// <summary>The unit at <paramref name="path"/> and every unit below it, seen or not, in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> SubtreeAsync(string path, CancellationToken ct) =>
        await Refs(db.OrgUnits.AcrossScope().Where(u => u.Path.StartsWith(path)).OrderBy(u => u.Path)).ToListAsync(ct);

    /// <summary>The active units of one kind at or under <paramref name="path"/>, seen or not, in tree order (a district's branches, not its thousands of groups).</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> ActiveUnderAsync(string path, OrgKind kind, CancellationToken ct) =>
        await Refs(db.OrgUnits.AcrossScope().Where(u => u.Path.StartsWith(path) && u.Kind == kind && u.Status == OrgStatus.Active).OrderBy(u => u.Path)).ToListAsync(ct);

    /// <summary>
    /// The path and kind of every active branch under <paramref name="path"/>, seen or not, read once per request (ADR 0046): a
    /// roll-up's periods assess the same branches, and figures need neither their names nor their ids.
    /// </summary>
    public async Task<IReadOnlyList<(string Path, BranchKind Kind)>> ActiveBranchesUnderAsync(string path, CancellationToken ct)
    {
        if (branches.TryGetValue(path, out var cached)) return cached;
        var rows = await db.OrgUnits.AcrossScope().AsNoTracking()
            .Where(u => u.Path.StartsWith(path) && u.Kind == OrgKind.Branch && u.Status == OrgStatus.Active)
            .Select(u => new { u.Path, u.BranchKind }).ToListAsync(ct);
        return branches[path] = rows.Select(u => (u.Path, u.BranchKind)).ToList();
    }

    readonly Dictionary<string, List<(string Path, BranchKind Kind)>> branches = [];

    /// <summary>The units directly under <paramref name="parentId"/>, seen or not, in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> ChildrenAsync(Guid parentId, CancellationToken ct) =>
        await Refs(db.OrgUnits.AcrossScope().Where(u => u.ParentId == parentId).OrderBy(u => u.Path)).ToListAsync(ct);

    /// <summary>The units on <paramref name="path"/> (itself included), top first, seen or not.</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> AncestorsAsync(string path, CancellationToken ct)
    {
        var ids = OrgRules.IdsOf(path);
        return (await ManyAsync(ids, ct)).OrderBy(u => u.Depth).ToList();
    }

    /// <summary>The community a unit lies in (itself when it is one), seen or not.</summary>
    public async Task<OrgUnitRef?> CommunityOfAsync(string path, CancellationToken ct) =>
        (await AncestorsAsync(path, ct)).FirstOrDefault(u => u.Kind == OrgKind.Community);

    /// <summary>The ids along a path, top first: the district, then the street, the community… (the path names them).</summary>
    public static IReadOnlyList<Guid> IdsOf(string path) => OrgRules.IdsOf(path);

    /// <summary>The unit a path ends with ("/…/{id:N}/"); Guid.Empty for a path that names none.</summary>
    public static Guid UnitOf(string path) => OrgRules.UnitOf(path);

    /// <summary>"东湖街道党工委 / 和平社区党委": the names above a unit (or with it).</summary>
    public static string Trail(string path, IReadOnlyDictionary<Guid, string> names, bool includeSelf = false) =>
        Features.OrgData.Trail(path, names, includeSelf);

    async Task<UnitInfo?> IUnitDirectory.FindAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } u ? new UnitInfo(u.Id, u.Path, u.Name, u.IsActive, u.Depth, u.Kind == OrgKind.Branch && u.BranchKind == BranchKind.Compound) : null;

    public async Task<string> NameOfAsync(Guid id, CancellationToken ct)
    {
        // The header names every unit the user holds a role at: one query for all of them not named yet, on first use.
        if (!grantsNamed && UnnamedGrants() is { Count: > 0 } missing) Remember(await DisplayNames(missing).ToListAsync(ct));
        grantsNamed = true;
        if (names.TryGetValue(id, out var name)) return name;
        name = await db.OrgUnits.AcrossScope().Where(u => u.Id == id).Select(u => u.ShortName != "" ? u.ShortName : u.Name).FirstOrDefaultAsync(ct) ?? "—";
        return names[id] = name;
    }

    /// <summary>
    /// Display names (short name, else name) the caller's page has already read in this request, e.g. the unit page's trail:
    /// the header then names the units the user holds a role at without reading them again (issue 15).
    /// </summary>
    public void Remember(IEnumerable<(Guid Id, string Name)> units)
    {
        foreach (var (id, name) in units) names[id] = name;
    }

    List<Guid> UnnamedGrants() => db.Scope.Grants.Select(g => g.OrgUnitId).Where(id => !names.ContainsKey(id)).Distinct().ToList();

    IQueryable<(Guid Id, string Name)> DisplayNames(List<Guid> ids) =>
        db.OrgUnits.AcrossScope().Where(u => ids.Contains(u.Id)).Select(u => new ValueTuple<Guid, string>(u.Id, u.ShortName != "" ? u.ShortName : u.Name));

    public async Task<IReadOnlyList<UnitInfo>> ActiveUnderAsync(IReadOnlyCollection<string> roots, CancellationToken ct)
    {
        var list = roots.ToList();
        return await db.OrgUnits.AsNoTracking().Where(u => u.Status == OrgStatus.Active && list.Any(r => u.Path.StartsWith(r)))
            .OrderBy(u => u.Path).Select(u => new UnitInfo(u.Id, u.Path, u.ShortName != "" ? u.ShortName : u.Name, true, u.Depth)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UnitInfo>> PublicUnitsAsync(CancellationToken ct) =>
        (await InDistrictAsync(ct, true, OrgKind.Street, OrgKind.Community))
        .Select(u => new UnitInfo(u.Id, u.Path, u.PublicName, true, u.Depth)).ToList();

    public async Task<UnitInfo> CreateDistrictAsync(string name, CancellationToken ct)
    {
        var id = db.Scope.TenantId;
        var existing = await db.OrgUnits.AcrossScope().FirstOrDefaultAsync(u => u.Kind == OrgKind.District && u.ParentId == null, ct);
        if (existing is not null) return new UnitInfo(existing.Id, existing.Path, existing.Name, existing.IsActive, 0);
        var district = new OrgUnit { Id = id, TenantId = id, Kind = OrgKind.District, Name = name, ShortName = name, Code = "D1", Path = OrgUnit.PathOf(null, id) };
        db.OrgUnits.Add(district);
        await db.SaveChangesAsync(ct);
        return new UnitInfo(district.Id, district.Path, district.Name, true, 0);
    }


    /// <summary>Units of the whole district, seen or not, of the given kinds (all kinds when none given), in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitRef>> InDistrictAsync(CancellationToken ct, bool activeOnly = true, params OrgKind[] kinds)
    {
        var q = db.OrgUnits.AcrossScope();
        if (activeOnly) q = q.Where(u => u.Status == OrgStatus.Active);
        if (kinds.Length > 0) q = q.Where(u => kinds.Contains(u.Kind));
        return await Refs(q.OrderBy(u => u.Path)).ToListAsync(ct);
    }
}
