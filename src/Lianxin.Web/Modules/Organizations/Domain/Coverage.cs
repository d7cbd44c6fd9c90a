using Lianxin.Web.Modules.Organizations.Contracts;
namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>
/// Coverage of a subtree (source 002): how far party organisation reaches into compounds, grids and buildings.
/// 小区党支部覆盖率 is shown two ways: compounds with their own branch, and compounds covered at all
/// (their own branch, or lying in a grid that has a grid branch).
/// </summary>
public record Coverage(
    int Compounds, int CompoundsWithOwnBranch, int CompoundsCovered,
    int Grids, int GridsWithBranch,
    int Buildings, int BuildingsWithLeader,
    int Households,
    IReadOnlyDictionary<string, int> UnitsByKind)
{
    public double CompoundOwnBranchRate => Rate(CompoundsWithOwnBranch, Compounds);
    public double CompoundCoveredRate => Rate(CompoundsCovered, Compounds);
    public double GridBranchRate => Rate(GridsWithBranch, Grids);
    public double BuildingLeaderRate => Rate(BuildingsWithLeader, Buildings);

    /// <summary>A percentage with one decimal; nothing to cover counts as 0 %, not 100 %.</summary>
    public static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    /// <summary>The coverage of a subtree from its maintained counts (ADR 0026) and its active units by kind.</summary>
    public static Coverage From(PlaceCounts c, IReadOnlyDictionary<string, int> unitsByKind) =>
        new(c.Compounds, c.CompoundsWithOwnBranch, c.CompoundsCovered, c.Grids, c.GridsWithBranch, c.Buildings, c.BuildingsWithLeader, c.Households, unitsByKind);

    /// <summary>
    /// The figures by their definition, counted from the rows: what the maintained counts must always equal (the tests hold
    /// them to it). Counts over rows already limited to the subtree; <paramref name="allGrids"/> is any superset of the
    /// grids the compounds lie in. Works on EF queries and on in-memory lists alike (tested on both).
    /// </summary>
    public static Coverage Of(string root, IQueryable<OrgUnit> units, IQueryable<Grid> grids, IQueryable<Compound> compounds,
        IQueryable<Building> buildings, IQueryable<Household> households, IQueryable<Grid> allGrids)
    {
        var g = grids.Where(x => x.OrgPath.StartsWith(root));
        var c = compounds.Where(x => x.OrgPath.StartsWith(root));
        var b = buildings.Where(x => x.OrgPath.StartsWith(root));
        var byKind = units.Where(u => u.Path.StartsWith(root) && u.Status == OrgStatus.Active)
            .GroupBy(u => u.Kind).Select(k => new { k.Key, Count = k.Count() }).ToList()
            .ToDictionary(k => k.Key.ToString(), k => k.Count);
        return new Coverage(
            c.Count(), c.Count(x => x.BranchId != null),
            c.Count(x => x.BranchId != null || allGrids.Any(gr => gr.Id == x.GridId && gr.BranchId != null)),
            g.Count(), g.Count(x => x.BranchId != null),
            b.Count(), b.Count(x => x.LeaderMemberId != null),
            households.Count(x => x.OrgPath.StartsWith(root)),
            byKind);
    }
}
