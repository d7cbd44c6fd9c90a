using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Demands;

/// <summary>
/// The test oracle of the maintained demand figures (ADR 0035): the figures as they were computed before, by grouped SQL
/// over the demands themselves, kept word for word. The figures page and the indicators must answer exactly this.
/// </summary>
public static class DemandFiguresRecount
{
    public static async Task<Outcome<DemandFiguresDto>> RecountAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
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
        var start = ChinaTime.StartOfDayUtc(f);
        var end = ChinaTime.StartOfDayUtc(t.AddDays(1));

        // The database counts: one GROUP BY (category × level) with conditional sums, and one for the slowest handlers.
        // Only these small groups come back; the totals and the per-category and per-level rows are sums of them.
        var scoped = db.Demands.AsNoTracking()
            .Where(d => d.OrgPath.StartsWith(unit.Path) && d.CreatedAt >= start && d.CreatedAt < end && d.State != DemandState.Merged);
        var cells = await scoped
            .GroupBy(d => new { d.CategoryName, d.Level })
            .Select(g => new Cell(g.Key.CategoryName, g.Key.Level,
                g.Count(),
                g.Sum(d => d.FirstResponseAt != null ? 1 : 0),
                g.Sum(d => d.FirstResponseAt != null && (d.FirstResponseDueAt == null || d.FirstResponseAt <= d.FirstResponseDueAt) ? 1 : 0),
                g.Sum(d => d.State == DemandState.Resolved || d.State == DemandState.Closed ? 1 : 0),
                g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolvedAt != null ? 1 : 0),
                g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null ? 1 : 0),
                g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null ? d.ResolveHours!.Value : 0.0),
                g.Sum(d => d.Overdue ? 1 : 0),
                g.Sum(d => d.State == DemandState.Closed && d.Rating == Satisfaction.Satisfied ? 1 : 0),
                g.Sum(d => d.State == DemandState.Closed && d.Rating == Satisfaction.BasicallySatisfied ? 1 : 0),
                g.Sum(d => d.State == DemandState.Closed && d.Rating == Satisfaction.Unsatisfied ? 1 : 0)))
            .ToListAsync(ct);
        var slowGroups = await scoped
            .Where(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null)
            .GroupBy(d => d.HandlerUnitId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Avg = g.Average(d => d.ResolveHours!.Value) })
            .OrderByDescending(x => x.Avg).ThenBy(x => x.Id).Take(5)
            .ToListAsync(ct);
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

    static double? Pct(int a, int b) => b == 0 ? null : Math.Round(a * 100.0 / b, 1);

    /// <summary>The counts of one category at one level, as the database sums them; cells add up to any coarser row.</summary>
    sealed record Cell(string Category, DemandLevel Level, int Received, int Responded, int InTime, int Resolved, int ResolvedTimed,
        int Timed, double Hours, int Overdue, int Satisfied, int Basically, int Unsatisfied)
    {
        public double? AvgHours => Timed == 0 ? null : Math.Round(Hours / Timed, 1);
        public SatisfactionFigures Satisfaction => new(Satisfied, Basically, Unsatisfied);
        public FigureRow Row(string name) => new(name, Received, Resolved, Overdue, AvgHours, Satisfaction.Rate);

        public static Cell Sum(IEnumerable<Cell> cells) => cells.Aggregate(new Cell("", default, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (a, c) => a with
        {
            Received = a.Received + c.Received, Responded = a.Responded + c.Responded, InTime = a.InTime + c.InTime, Resolved = a.Resolved + c.Resolved,
            ResolvedTimed = a.ResolvedTimed + c.ResolvedTimed, Timed = a.Timed + c.Timed, Hours = a.Hours + c.Hours, Overdue = a.Overdue + c.Overdue,
            Satisfied = a.Satisfied + c.Satisfied, Basically = a.Basically + c.Basically, Unsatisfied = a.Unsatisfied + c.Unsatisfied,
        });
    }

    /// <summary>The indicators' sums of one subtree as they were read before (<see cref="DemandIndicators"/>), word for word.</summary>
    public static async Task<(int Received, int Resolved, int Overdue, int Rated, int Content, int Timed, double Hours)> IndicatorsAsync(
        LianxinDb db, string path, DateOnly from, DateOnly to)
    {
        var start = ChinaTime.StartOfDayUtc(from);
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var sums = await db.Demands.AcrossScope().AsNoTracking()
            .Where(d => d.OrgPath.StartsWith(path) && d.CreatedAt >= start && d.CreatedAt < end && d.State != DemandState.Merged)
            .GroupBy(d => 1)
            .Select(g => new
            {
                Received = g.Count(),
                Resolved = g.Sum(d => d.State == DemandState.Resolved || d.State == DemandState.Closed ? 1 : 0),
                Overdue = g.Sum(d => d.Overdue ? 1 : 0),
                Rated = g.Sum(d => d.State == DemandState.Closed && d.Rating != null ? 1 : 0),
                Content = g.Sum(d => d.State == DemandState.Closed && (d.Rating == Satisfaction.Satisfied || d.Rating == Satisfaction.BasicallySatisfied) ? 1 : 0),
                Timed = g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null ? 1 : 0),
                Hours = g.Sum(d => (d.State == DemandState.Resolved || d.State == DemandState.Closed) && d.ResolveHours != null ? d.ResolveHours!.Value : 0.0),
            })
            .FirstOrDefaultAsync();
        return sums is null ? default : (sums.Received, sums.Resolved, sums.Overdue, sums.Rated, sums.Content, sums.Timed, sums.Hours);
    }
}
