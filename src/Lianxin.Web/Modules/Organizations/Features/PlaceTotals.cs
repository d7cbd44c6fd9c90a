using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
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
}
