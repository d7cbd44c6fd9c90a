using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>The places under a path, read from the maintained counts (ADR 0026): one query over one row per unit, never a recount.</summary>
public static class PlaceTotals
{
    /// <summary>
    /// The sum of the <see cref="UnitCounts"/> rows at and below <paramref name="root"/> among <paramref name="rows"/> (the caller's
    /// scope, or the district with AcrossScope). A range on the path, which an index serves on both providers (the column is
    /// compared in byte order on PostgreSQL, collation "C").
    /// </summary>
    public static async Task<PlaceCounts> UnderAsync(IQueryable<UnitCounts> rows, string root, CancellationToken ct)
    {
        var end = QueryFilters.RangeEnd(root);
        return await rows.AsNoTracking().Where(c => string.Compare(c.OrgPath, root) >= 0 && string.Compare(c.OrgPath, end) < 0)
            .GroupBy(_ => 1)
            .Select(k => new PlaceCounts(k.Sum(c => c.Grids), k.Sum(c => c.GridsWithBranch), k.Sum(c => c.Compounds), k.Sum(c => c.CompoundsWithOwnBranch),
                k.Sum(c => c.CompoundsCovered), k.Sum(c => c.Buildings), k.Sum(c => c.BuildingsWithLeader), k.Sum(c => c.Households)))
            .FirstOrDefaultAsync(ct) ?? PlaceCounts.None;
    }

    /// <summary>
    /// The coverage of the subtree at <paramref name="root"/> among the caller's rows: its places and its active units by kind (only
    /// the kinds it has), both sums over the same maintained rows in one statement (ADR 0054).
    /// </summary>
    public static async Task<Coverage> CoverageUnderAsync(LianxinDb db, string root, CancellationToken ct)
    {
        var sums = await ReadCoverage(db, root, QueryFilters.RangeEnd(root), ct);
        int[] units = sums is null ? [] : [sums.Districts, sums.Streets, sums.Communities, sums.Branches, sums.Groups, sums.Departments];
        var byKind = units.Select((n, i) => (Kind: (OrgKind)i, N: n)).Where(x => x.N > 0).ToDictionary(x => x.Kind.ToString(), x => x.N);
        return Coverage.From(sums?.Places ?? PlaceCounts.None, byKind);
    }

    sealed record CoverageSums(PlaceCounts Places, int Districts, int Streets, int Communities, int Branches, int Groups, int Departments);

    // Compiled once (ADR 0057): the unit detail reads it on every request, and building and looking up this expression cost the app
    // more CPU than running it. The query filters (tenant, scope) still apply, read from the context of each call.
    static readonly Func<LianxinDb, string, string, CancellationToken, Task<CoverageSums?>> ReadCoverage = EF.CompileAsyncQuery(
        (LianxinDb db, string root, string end, CancellationToken ct) => db.Set<UnitCounts>().AsNoTracking()
            .Where(c => string.Compare(c.OrgPath, root) >= 0 && string.Compare(c.OrgPath, end) < 0)
            .GroupBy(_ => 1)
            .Select(k => new CoverageSums(
                new PlaceCounts(k.Sum(c => c.Grids), k.Sum(c => c.GridsWithBranch), k.Sum(c => c.Compounds), k.Sum(c => c.CompoundsWithOwnBranch),
                    k.Sum(c => c.CompoundsCovered), k.Sum(c => c.Buildings), k.Sum(c => c.BuildingsWithLeader), k.Sum(c => c.Households)),
                k.Sum(c => c.ActiveDistricts), k.Sum(c => c.ActiveStreets), k.Sum(c => c.ActiveCommunities),
                k.Sum(c => c.ActiveBranches), k.Sum(c => c.ActiveGroups), k.Sum(c => c.ActiveDepartments)))
            .FirstOrDefault());

    /// <summary>
    /// The sums under each of <paramref name="roots"/> in one query (ADR 0039): the rows under their common ancestor, one per unit,
    /// added up per root in memory, so comparing 20 streets costs one query, not 20.
    /// </summary>
    public static async Task<Dictionary<string, PlaceCounts>> UnderEachAsync(IQueryable<UnitCounts> rows, IReadOnlyCollection<string> roots, CancellationToken ct)
    {
        var common = SubtreeSums.Common(roots);
        var end = QueryFilters.RangeEnd(common);
        var units = await rows.AsNoTracking().Where(c => string.Compare(c.OrgPath, common) >= 0 && string.Compare(c.OrgPath, end) < 0)
            .Select(c => new { c.OrgPath, Counts = new PlaceCounts(c.Grids, c.GridsWithBranch, c.Compounds, c.CompoundsWithOwnBranch, c.CompoundsCovered,
                c.Buildings, c.BuildingsWithLeader, c.Households) })
            .ToListAsync(ct);
        return SubtreeSums.PerRoot(roots, units, u => u.OrgPath, us => us.Aggregate(PlaceCounts.None, (a, u) => Add(a, u.Counts)));
    }

    static PlaceCounts Add(PlaceCounts a, PlaceCounts b) => new(a.Grids + b.Grids, a.GridsWithBranch + b.GridsWithBranch, a.Compounds + b.Compounds,
        a.CompoundsWithOwnBranch + b.CompoundsWithOwnBranch, a.CompoundsCovered + b.CompoundsCovered, a.Buildings + b.Buildings,
        a.BuildingsWithLeader + b.BuildingsWithLeader, a.Households + b.Households);
}
