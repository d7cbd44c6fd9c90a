using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Domain;

/// <summary>
/// What the demands of one unit received in one period (a Beijing day or a calendar month) add to the figures, per category,
/// level and handling unit (ADR 0035, 0045), kept in step on every save. The figures of a subtree and a period are sums of
/// these rows over a path range and a date range; the handling unit is kept for the slowest handlers. <see cref="UnitId"/>
/// is the last id of <see cref="OrgPath"/> when the row was made.
/// </summary>
public abstract class DemandFiguresRow : Entity, IOrgScoped
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string CategoryName { get; set; } = "";
    public DemandLevel Level { get; set; }
    public Guid HandlerUnitId { get; set; }
    public int Received { get; set; }
    public int Responded { get; set; }
    public int RespondedInTime { get; set; }
    /// <summary>Resolved or closed (rated).</summary>
    public int Resolved { get; set; }
    /// <summary>Resolved or closed with a resolution moment.</summary>
    public int ResolvedWithTime { get; set; }
    /// <summary>Resolved or closed with stored working hours, and their sum.</summary>
    public int Timed { get; set; }
    public double Hours { get; set; }
    public int Overdue { get; set; }
    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int Unsatisfied { get; set; }
}

/// <summary>The sums of one unit's demands received on one Beijing day (<c>dem_daily_figures</c>, ADR 0035).</summary>
public class DemandDayFigures : DemandFiguresRow
{
    public DateOnly Day { get; set; }
}

/// <summary>
/// The same sums per calendar month (<c>dem_monthly_figures</c>, ADR 0045): a period reads its whole months here and only
/// the days of its partial months from the daily rows, so a year is at most 12 months plus two month-ends of days.
/// </summary>
public class DemandMonthFigures : DemandFiguresRow
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>
/// The figures' definition for one demand: what it adds to its row (none when merged into another). Staging subtracts a
/// demand's original contribution and adds its current one; the rebuild adds every demand's.
/// </summary>
public static class DemandContribution
{
    public const int Counts = 10;

    public readonly record struct Key(Guid Tenant, string Path, DateOnly Day, string Category, DemandLevel Level, Guid Handler);

    public static (Key Key, int[] Counts, double Hours)? Of(Demand d)
    {
        if (d.State == DemandState.Merged) return null;
        var resolved = d.State is DemandState.Resolved or DemandState.Closed;
        var closed = d.State == DemandState.Closed;
        var timed = resolved && d.ResolveHours != null;
        int B(bool x) => x ? 1 : 0;
        int[] counts =
        [
            1,
            B(d.FirstResponseAt != null),
            B(d.FirstResponseAt != null && (d.FirstResponseDueAt == null || d.FirstResponseAt <= d.FirstResponseDueAt)),
            B(resolved),
            B(resolved && d.ResolvedAt != null),
            B(timed),
            B(d.Overdue),
            B(closed && d.Rating == Satisfaction.Satisfied),
            B(closed && d.Rating == Satisfaction.BasicallySatisfied),
            B(closed && d.Rating == Satisfaction.Unsatisfied),
        ];
        var day = DateOnly.FromDateTime(ChinaTime.ToBeijing(d.CreatedAt));
        return (new Key(d.TenantId, d.OrgPath, day, d.CategoryName, d.Level, d.HandlerUnitId), counts, timed ? d.ResolveHours!.Value : 0);
    }
}

/// <summary>Changes to figures rows (by day, or by the <paramref name="bucket"/> a day falls in): +1 for a demand's current contribution, -1 for its original one.</summary>
public sealed class DemandFiguresTally(Func<DateOnly, DateOnly>? bucket = null)
{
    readonly Dictionary<DemandContribution.Key, (int[] Counts, double Hours)> rows = [];

    public void Add(Demand d, int sign)
    {
        if (DemandContribution.Of(d) is not { } c) return;
        var key = bucket is null ? c.Key : c.Key with { Day = bucket(c.Key.Day) };
        if (!rows.TryGetValue(key, out var row)) row = (new int[DemandContribution.Counts], 0);
        for (var i = 0; i < row.Counts.Length; i++) row.Counts[i] += sign * c.Counts[i];
        rows[key] = (row.Counts, row.Hours + sign * c.Hours);
    }

    /// <summary>
    /// The rows that move, with what they move by (a save that changes no counted value moves none), in key order: two saves
    /// upserting the same rows lock them in the same order instead of deadlocking (a demand handed X → Y beside one Y → X).
    /// </summary>
    public IReadOnlyList<(DemandContribution.Key Key, int[] Counts, double Hours)> Changes =>
        rows.Where(r => r.Value.Counts.Any(v => v != 0) || r.Value.Hours != 0)
            .OrderBy(r => r.Key.Tenant).ThenBy(r => r.Key.Path, StringComparer.Ordinal).ThenBy(r => r.Key.Day)
            .ThenBy(r => r.Key.Category, StringComparer.Ordinal).ThenBy(r => r.Key.Level).ThenBy(r => r.Key.Handler)
            .Select(r => (r.Key, r.Value.Counts, r.Value.Hours)).ToList();
}
