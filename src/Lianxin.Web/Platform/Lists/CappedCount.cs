using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Lists;

/// <summary>
/// Counts at most cap + 1 rows: exact for small sets, "cap+" beyond (ADR 0036). An exact COUNT(*) over a street's
/// 2,000,000 demands took ≈ 0.5 s on PostgreSQL (bench/README.md); reading cap + 1 index entries does not grow with the set.
/// </summary>
public static class CappedCount
{
    public static async Task<(int Total, bool IsLowerBound)> CountAsync<T>(IQueryable<T> query, int cap, CancellationToken ct)
    {
        var n = await query.Take(cap + 1).CountAsync(ct);
        return n > cap ? (cap, true) : (n, false);
    }
}
