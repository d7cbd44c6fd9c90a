using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>One published round on a unit's trend: its total and the mean total of all the round's units (the street's average).</summary>
public record TrendPoint(Guid RoundId, string RoundName, DateTime? PublishedAt, double? Total, double? StreetAverage);

/// <summary><see cref="Enough"/> is false with fewer than two rounds: one point is no trend.</summary>
public record UnitTrendDto(Guid UnitId, string UnitName, IReadOnlyList<TrendPoint> Points)
{
    public bool Enough => Points.Count >= 2;
}

/// <summary>A unit's totals across the published rounds (quarter by quarter), oldest first, beside the street's average in each.</summary>
public static class UnitTrend
{
    public static async Task<Outcome<UnitTrendDto>> GetAsync(LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewView, unit.Path)) return Failure.Forbidden;
        var mine = await db.RoundUnits.AsNoTracking().Where(u => u.UnitId == unitId && u.Published)
            .Select(u => new { u.RoundId, u.Total }).ToListAsync(ct);
        var ids = mine.Select(m => m.RoundId).ToList();
        // The other units of those rounds lie outside a community's subtree; only their mean is shown.
        var rounds = await db.ReviewRounds.AcrossScope().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.PublishedAt, r.CreatedAt }).ToListAsync(ct);
        var averages = await db.RoundUnits.AcrossScope().AsNoTracking().Where(u => ids.Contains(u.RoundId) && u.Published && u.Total != null)
            .GroupBy(u => u.RoundId).Select(g => new { g.Key, Mean = g.Average(u => u.Total!.Value) }).ToDictionaryAsync(x => x.Key, x => x.Mean, ct);
        var totals = mine.ToDictionary(m => m.RoundId, m => m.Total);
        var points = rounds.OrderBy(r => r.PublishedAt).ThenBy(r => r.CreatedAt)
            .Select(r => new TrendPoint(r.Id, r.Name, r.PublishedAt, totals[r.Id],
                averages.TryGetValue(r.Id, out var mean) ? Math.Round(mean, 2) : null))
            .ToList();
        return new UnitTrendDto(unitId, unit.DisplayName, points);
    }
}
