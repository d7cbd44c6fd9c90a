using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Features;

public record FigureRow(string Name, int Received, int Resolved, int Overdue, double? AvgResolveHours, double? SatisfactionRate);

public record SlowUnit(Guid UnitId, string Name, int Resolved, double AvgResolveHours);

public record DemandFiguresDto(Guid UnitId, string UnitName, DateOnly From, DateOnly To, int Received, int Responded, int RespondedInTime,
    double? RespondedInTimeRate, int Resolved, double? ResolveRate, double? AvgResolveHours, int Overdue, SatisfactionFigures Satisfaction,
    double? SatisfactionRate, IReadOnlyList<FigureRow> ByCategory, IReadOnlyList<FigureRow> ByLevel, IReadOnlyList<SlowUnit> Slowest);

/// <summary>
/// Figures of a subtree for a period (Beijing dates, inclusive): in time, resolved, how fast, how satisfied.
/// They are sums of the maintained daily rows (<c>dem_daily_figures</c>, ADR 0035); resolution time is the working hours
/// stored on each demand when it was resolved.
/// </summary>
public static class DemandFigures
{
    public static async Task<Outcome<DemandFiguresDto>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DemandPermissions.DemandView)) return Failure.Forbidden;
        var id = unitId ?? db.Scope.Current?.OrgUnitId;
        if (id is null) return Failure.NotFound;
        var unit = await org.FindAsync(id.Value, ct);
        if (unit is null) return Failure.NotFound;
        var today = clock.Today();
        var f = from ?? today.AddDays(-29);
        var t = to ?? today;
        if (t < f) return Failure.Invalid("To", "结束日期不能早于开始日期。");
        if (t.DayNumber - f.DayNumber > 366) return Failure.Invalid("To", "统计区间不能超过一年。");
        // Sums of the maintained rows (ADR 0035) of the subtree's units: months from the monthly rows, the days of partial
        // months from the daily ones, minus the days outside the period of a month read whole (ADR 0045, 0049). Per source one
        // GROUP BY (category × level × handler), added up here into the cells and the handlers. A group whose demands all moved
        // away (merged, another unit) sums to nothing and is left out, as a recount would.
        var rangeEnd = QueryFilters.RangeEnd(unit.Path);
        var spans = FigureSpans.Of(f, t, today);
        var groups = new List<Group>();
        if (FigureSpans.On(db.DemandDayFigures.AsNoTracking(), unit.Path, rangeEnd, spans.Days) is { } days) groups.AddRange(await GroupsAsync(days, ct));
        if (spans.Months(db.DemandMonthFigures.AsNoTracking(), unit.Path, rangeEnd) is { } months) groups.AddRange(await GroupsAsync(months, ct));
        if (FigureSpans.On(db.DemandDayFigures.AsNoTracking(), unit.Path, rangeEnd, spans.Minus) is { } minus)
            groups.AddRange((await GroupsAsync(minus, ct)).Select(g => g with { Cell = g.Cell.Negated() }));
        var cells = groups.GroupBy(g => (g.Cell.Category, g.Cell.Level)).Select(x => Cell.Sum(x.Select(g => g.Cell)) with { Category = x.Key.Category, Level = x.Key.Level })
            .Where(c => c.Received > 0).ToList();
        // The slowest five by average hours, ties by id in the databases' uuid order (that of the text form); the hours rounded
        // off the last bits that adding and taking away doubles leaves behind.
        var slowGroups = groups.GroupBy(g => g.Handler).Select(x => new { Id = x.Key, Count = x.Sum(g => g.Cell.Timed), Hours = Math.Round(x.Sum(g => g.Cell.Hours), 9) })
            .Where(x => x.Count > 0).Select(x => new { x.Id, x.Count, Avg = x.Hours / x.Count })
            .OrderByDescending(x => x.Avg).ThenBy(x => x.Id.ToString(), StringComparer.Ordinal).Take(5).ToList();
        var names = await org.NamesAsync(slowGroups.Select(s => s.Id).ToList(), ct);

        var all = Cell.Sum(cells);
        var byCategory = cells.GroupBy(c => c.Category).Select(g => Cell.Sum(g).Row(g.Key))
            .OrderByDescending(x => x.Received).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        var byLevel = cells.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => Cell.Sum(g).Row(g.Key.Chinese())).ToList();
        // The score weighs ratings by the points of the unit's street; above the streets (a district) by the defaults.
        var weights = (await db.DemandStreetSettings.AcrossScope().AsNoTracking().ToListAsync(ct)).FirstOrDefault(s => unit.Path.StartsWith(s.OrgPath, StringComparison.Ordinal))
            ?? new DemandStreetSettings();
        var sat = all.Satisfaction with { SatisfiedWeight = weights.SatisfiedWeight, BasicallyWeight = weights.BasicallySatisfiedWeight };

        return new DemandFiguresDto(unit.Id, unit.DisplayName, f, t, all.Received, all.Responded, all.InTime,
            Pct(all.InTime, all.Responded), all.ResolvedTimed, Pct(all.ResolvedTimed, all.Received), all.AvgHours, all.Overdue, sat, sat.Rate,
            byCategory, byLevel,
            slowGroups.Select(s => new SlowUnit(s.Id, names.GetValueOrDefault(s.Id, ""), s.Count, Math.Round(s.Avg, 1))).ToList());
    }

    static Task<List<Group>> GroupsAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : DemandFiguresRow => rows
        .GroupBy(x => new { x.CategoryName, x.Level, x.HandlerUnitId })
        .Select(g => new Group(g.Key.HandlerUnitId, new Cell(g.Key.CategoryName, g.Key.Level, g.Sum(x => x.Received), g.Sum(x => x.Responded),
            g.Sum(x => x.RespondedInTime), g.Sum(x => x.Resolved), g.Sum(x => x.ResolvedWithTime), g.Sum(x => x.Timed), g.Sum(x => x.Hours),
            g.Sum(x => x.Overdue), g.Sum(x => x.Satisfied), g.Sum(x => x.BasicallySatisfied), g.Sum(x => x.Unsatisfied))))
        .ToListAsync(ct);

    /// <summary>The sums of one category, level and handling unit from one source.</summary>
    sealed record Group(Guid Handler, Cell Cell);

    static double? Pct(int a, int b) => b == 0 ? null : Math.Round(a * 100.0 / b, 1);

    /// <summary>The counts of one category at one level, as the database sums them; cells add up to any coarser row.</summary>
    sealed record Cell(string Category, DemandLevel Level, int Received, int Responded, int InTime, int Resolved, int ResolvedTimed,
        int Timed, double Hours, int Overdue, int Satisfied, int Basically, int Unsatisfied)
    {
        public double? AvgHours => Timed == 0 ? null : Math.Round(Math.Round(Hours, 9) / Timed, 1);
        public SatisfactionFigures Satisfaction => new(Satisfied, Basically, Unsatisfied);
        public FigureRow Row(string name) => new(name, Received, Resolved, Overdue, AvgHours, Satisfaction.Rate);

        public Cell Negated() => new(Category, Level, -Received, -Responded, -InTime, -Resolved, -ResolvedTimed, -Timed, -Hours, -Overdue,
            -Satisfied, -Basically, -Unsatisfied);

        public static Cell Sum(IEnumerable<Cell> cells) => cells.Aggregate(new Cell("", default, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (a, c) => a with
        {
            Received = a.Received + c.Received, Responded = a.Responded + c.Responded, InTime = a.InTime + c.InTime, Resolved = a.Resolved + c.Resolved,
            ResolvedTimed = a.ResolvedTimed + c.ResolvedTimed, Timed = a.Timed + c.Timed, Hours = a.Hours + c.Hours, Overdue = a.Overdue + c.Overdue,
            Satisfied = a.Satisfied + c.Satisfied, Basically = a.Basically + c.Basically, Unsatisfied = a.Unsatisfied + c.Unsatisfied,
        });
    }
}
