using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>Queries several use cases share.</summary>
public static class OrgData
{
    /// <summary>Moves a compound with its buildings and households to <paramref name="path"/>.</summary>
    public static async Task RepathCompoundAsync(this LianxinDb db, Compound compound, string path, CancellationToken ct)
    {
        compound.OrgPath = path;
        var buildings = await db.Buildings.AcrossScope().Where(b => b.CompoundId == compound.Id).ToListAsync(ct);
        foreach (var b in buildings) { b.OrgPath = path; b.GridId = compound.GridId; }
        var ids = buildings.Select(b => b.Id).ToList();
        foreach (var h in await db.Households.AcrossScope().Where(h => ids.Contains(h.BuildingId)).ToListAsync(ct)) h.OrgPath = path;
    }

    /// <summary>Adds the history row of a change to the tree; saved with the change itself.</summary>
    public static void RecordChange(this LianxinDb db, TimeProvider clock, Guid unitId, OrgChangeKind kind, Guid? parentId,
        Guid? fromParentId = null, Guid? compoundId = null, string? note = null) =>
        db.OrgUnitChanges.Add(new OrgUnitChange
        {
            TenantId = db.CurrentTenantId, UnitId = unitId, Kind = kind, On = clock.Today(), ParentId = parentId, FromParentId = fromParentId,
            CompoundId = compoundId, Note = note, RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = db.Scope.UserName,
        });

    /// <summary>The community a unit belongs to: itself, or the Community among its ancestors.</summary>
    public static async Task<OrgUnit?> CommunityOfAsync(this LianxinDb db, OrgUnit unit, CancellationToken ct)
    {
        if (unit.Kind == OrgKind.Community) return unit;
        var ids = OrgRules.IdsOf(unit.Path);
        return await db.OrgUnits.AcrossScope().Where(u => ids.Contains(u.Id) && u.Kind == OrgKind.Community).FirstOrDefaultAsync(ct);
    }

    /// <summary>Names of the ancestors the caller can see, top first, for "东湖街道党工委 / 和平社区党委".</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(this LianxinDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.OrgUnits.Where(u => list.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.ShortName != "" ? u.ShortName : u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static string Trail(string path, IReadOnlyDictionary<Guid, string> names, bool includeSelf = false)
    {
        var ids = OrgRules.IdsOf(path);
        if (!includeSelf && ids.Count > 0) ids = ids.Take(ids.Count - 1).ToList();
        return string.Join(" / ", ids.Where(names.ContainsKey).Select(i => names[i]));
    }

    /// <summary>
    /// Tree nodes with their number of children (those the caller sees), in display order: one statement, each count a correlated
    /// subquery on the (TenantId, ParentId) index, where a second statement with every node's id in a list cost a round trip (issue 15).
    /// </summary>
    public static async Task<List<TreeNode>> NodesAsync(this LianxinDb db, IQueryable<OrgUnit> units, CancellationToken ct)
    {
        var all = db.OrgUnits; // a local: an expression tree cannot hold the module's extension property
        return await units.OrderBy(u => u.Depth).ThenBy(u => u.Status).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new TreeNode(u.Id, u.ParentId, u.Name, u.ShortName, u.Kind, u.BranchKind, u.Status,
                all.Count(c => c.ParentId == u.Id), u.Code, u.Depth)).ToListAsync(ct);
    }
}

/// <summary>One node of the tree as the API and the tree page show it.</summary>
public record TreeNode(Guid Id, Guid? ParentId, string Name, string ShortName, OrgKind Kind, BranchKind BranchKind, OrgStatus Status, int ChildCount, string Code, int Depth)
{
    public string KindName => Kind == OrgKind.Branch && BranchKind != BranchKind.None ? BranchKind.Chinese() : Kind.Chinese();
}
