using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Contracts;

/// <summary>A partner unit as other modules see it: <paramref name="Path"/> is where it is stationed.</summary>
public record PartnerUnitRef(Guid Id, string Name, string KindName, Guid StationedUnitId, string Path);

/// <summary>
/// The partner-unit registry as other modules read it (Members' 单位双报到 links to it). It reads the whole district (a unit
/// stationed at the street serves its communities too); callers decide which of the units fit where they are used.
/// </summary>
public class PartnerUnitDirectory(LianxinDb db)
{
    IQueryable<PartnerUnit> Units => db.PartnerUnits.AcrossScope().AsNoTracking();

    public async Task<PartnerUnitRef?> FindAsync(Guid id, CancellationToken ct) =>
        (await Units.Where(u => u.Id == id).ToListAsync(ct)).Select(Ref).FirstOrDefault();

    public async Task<IReadOnlyList<PartnerUnitRef>> ManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await Units.Where(u => ids.Contains(u.Id)).ToListAsync(ct)).Select(Ref).ToList();

    /// <summary>
    /// Units that serve the unit at <paramref name="path"/>: stationed in it or below it, or in one of its ancestors (a street's
    /// unit serves its communities), whose name contains <paramref name="q"/> when given; by name, at most <paramref name="take"/>.
    /// </summary>
    public async Task<IReadOnlyList<PartnerUnitRef>> SearchAsync(string path, string? q, int take, CancellationToken ct)
    {
        var ancestors = Ancestors(path);
        var rows = Units.Where(u => u.OrgPath.StartsWith(path) || ancestors.Contains(u.OrgPath));
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(u => u.Name.Contains(q.Trim()));
        return (await rows.OrderBy(u => u.Name).Take(take).ToListAsync(ct)).Select(Ref).ToList();
    }

    /// <summary>Whether the unit serves the unit at <paramref name="path"/> in the sense of <see cref="SearchAsync"/>.</summary>
    public static bool Serves(PartnerUnitRef unit, string path) =>
        unit.Path.StartsWith(path, StringComparison.Ordinal) || path.StartsWith(unit.Path, StringComparison.Ordinal);

    static List<string> Ancestors(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(1, parts.Length).Select(n => "/" + string.Join('/', parts.Take(n)) + "/").ToList();
    }

    static PartnerUnitRef Ref(PartnerUnit u) => new(u.Id, u.Name, u.Kind.Chinese(), u.StationedUnitId, u.OrgPath);
}
