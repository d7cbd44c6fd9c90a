using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>
/// The places one unit answers for itself (those whose OrgPath is the unit's path), kept in step on every save (ADR 0026);
/// <see cref="Id"/> is the unit's id. The figures of a subtree are the sum of these rows under its path (<see cref="PlaceCounts"/>).
/// </summary>
public class UnitCounts : Entity, IOrgScoped
{
    public string OrgPath { get; set; } = "";
    public int Grids { get; set; }
    public int GridsWithBranch { get; set; }
    public int Compounds { get; set; }
    public int CompoundsWithOwnBranch { get; set; }
    /// <summary>Compounds with their own branch or lying in a grid with a grid branch (<see cref="Coverage.CompoundsCovered"/>).</summary>
    public int CompoundsCovered { get; set; }
    public int Buildings { get; set; }
    public int BuildingsWithLeader { get; set; }
    public int Households { get; set; }

    // The unit itself while it is active, by its kind (1 in its kind's column, 0 elsewhere), so that a subtree's active units
    // by kind are a sum over the same rows as its places (ADR 0054), not a GROUP BY over the units per request.
    public int ActiveDistricts { get; set; }
    public int ActiveStreets { get; set; }
    public int ActiveCommunities { get; set; }
    public int ActiveBranches { get; set; }
    public int ActiveGroups { get; set; }
    public int ActiveDepartments { get; set; }
}

/// <summary>The places under a path: the sum of the <see cref="UnitCounts"/> rows there.</summary>
public record PlaceCounts(int Grids, int GridsWithBranch, int Compounds, int CompoundsWithOwnBranch, int CompoundsCovered,
    int Buildings, int BuildingsWithLeader, int Households)
{
    public static readonly PlaceCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Changes to <see cref="UnitCounts"/> rows, per district and unit path, in the order of <see cref="UnitCounts"/>' figures.
/// A place leaving a unit counts -1 there, arriving +1; the sums are what the rows must be moved by.
/// </summary>
public sealed class CountsTally
{
    /// <summary>The eight place figures, then one per <see cref="OrgKind"/> in the enum's order.</summary>
    public const int Figures = 8 + 6;
    readonly Dictionary<(Guid Tenant, string Path), int[]> rows = [];

    int[] Row(Guid tenant, string path) =>
        rows.TryGetValue((tenant, path), out var r) ? r : rows[(tenant, path)] = new int[Figures];

    public void Grid(Guid tenant, string path, bool withBranch, int sign)
    {
        var r = Row(tenant, path);
        r[0] += sign;
        if (withBranch) r[1] += sign;
    }

    public void Compound(Guid tenant, string path, bool ownBranch, bool covered, int sign)
    {
        var r = Row(tenant, path);
        r[2] += sign;
        if (ownBranch) r[3] += sign;
        if (covered) r[4] += sign;
    }

    /// <summary>A compound that stays where it is but gains or loses its grid's branch.</summary>
    public void Covered(Guid tenant, string path, int sign) => Row(tenant, path)[4] += sign;

    public void Building(Guid tenant, string path, bool withLeader, int sign)
    {
        var r = Row(tenant, path);
        r[5] += sign;
        if (withLeader) r[6] += sign;
    }

    public void Households(Guid tenant, string path, int n) => Row(tenant, path)[7] += n;

    /// <summary>An active unit of <paramref name="kind"/> at its own path (<paramref name="n"/> of them when rebuilding).</summary>
    public void Units(Guid tenant, string path, OrgKind kind, int n) => Row(tenant, path)[8 + (int)kind] += n;

    /// <summary>
    /// The rows that move, with what they move by, in key order: two saves upserting the same rows lock them in the same order,
    /// so a place moved X → Y beside one moved Y → X waits instead of deadlocking.
    /// </summary>
    public IEnumerable<(Guid Tenant, string Path, int[] By)> Changes =>
        rows.Where(r => r.Value.Any(v => v != 0)).OrderBy(r => r.Key.Tenant).ThenBy(r => r.Key.Path, StringComparer.Ordinal)
            .Select(r => (r.Key.Tenant, r.Key.Path, r.Value));
}
