using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public record FigureRow(string Name, int Received, int Resolved, int Overdue, double? AvgResolveHours, double? SatisfactionRate);

public record SlowUnit(Guid UnitId, string Name, int Resolved, double AvgResolveHours);

public record DemandFiguresDto(Guid UnitId, string UnitName, DateOnly From, DateOnly To, int Received, int Responded, int RespondedInTime,
    double? RespondedInTimeRate, int Resolved, double? ResolveRate, double? AvgResolveHours, int Overdue, SatisfactionFigures Satisfaction,
    double? SatisfactionRate, IReadOnlyList<FigureRow> ByCategory, IReadOnlyList<FigureRow> ByLevel, IReadOnlyList<SlowUnit> Slowest);

/// <summary>Figures of a subtree for a period (Beijing dates, inclusive): in time, resolved, how fast, how satisfied.</summary>
public static class DemandFigures
{
    public static async Task<Outcome<DemandFiguresDto>> HandleAsync(LianxinDb db, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.DemandView)) return Failure.Forbidden;
        var id = unitId ?? db.Scope.Current?.OrgUnitId;
        if (id is null) return Failure.NotFound;
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Failure.NotFound;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.Add(WorkingCalendar.Offset));
        var f = from ?? today.AddDays(-29);
        var t = to ?? today;
        if (t < f) return Failure.Invalid("To", "结束日期不能早于开始日期。");
        if (t.DayNumber - f.DayNumber > 366) return Failure.Invalid("To", "统计区间不能超过一年。");
        var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - WorkingCalendar.Offset;
        var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - WorkingCalendar.Offset;

        var rows = await db.Demands.AsNoTracking()
            .Where(d => d.OrgPath.StartsWith(unit.Path) && d.CreatedAt >= start && d.CreatedAt < end && d.State != DemandState.Merged)
            .Select(d => new { d.CategoryName, d.Level, d.HandlerUnitId, d.CreatedAt, d.FirstResponseAt, d.FirstResponseDueAt, d.ResolvedAt, d.ClosedAt, d.State, d.Rating, d.Overdue })
            .ToListAsync(ct);

        static bool IsResolved(DemandState s) => s is DemandState.Resolved or DemandState.Closed;
        double? Avg(IEnumerable<double> xs) { var l = xs.ToList(); return l.Count == 0 ? null : Math.Round(l.Average(), 1); }
        double Hours(DateTime a, DateTime b) => DemandFlow.Calendar.WorkingHoursBetween(a, b);
        double? Pct(int a, int b) => b == 0 ? null : Math.Round(a * 100.0 / b, 1);

        var responded = rows.Count(r => r.FirstResponseAt is not null);
        var inTime = rows.Count(r => r.FirstResponseAt is { } at && (r.FirstResponseDueAt is null || at <= r.FirstResponseDueAt));
        var resolved = rows.Where(r => IsResolved(r.State) && r.ResolvedAt is not null).ToList();
        var sat = SatisfactionFigures.Of(rows.Where(r => r.State == DemandState.Closed && r.Rating is not null).Select(r => r.Rating!.Value));

        var byCategory = rows.GroupBy(r => r.CategoryName).Select(g => new FigureRow(g.Key, g.Count(),
                g.Count(r => IsResolved(r.State)), g.Count(r => r.Overdue),
                Avg(g.Where(r => IsResolved(r.State) && r.ResolvedAt is not null).Select(r => Hours(r.CreatedAt, r.ResolvedAt!.Value))),
                SatisfactionFigures.Of(g.Where(r => r.State == DemandState.Closed && r.Rating is not null).Select(r => r.Rating!.Value)).Rate))
            .OrderByDescending(x => x.Received).ToList();
        var byLevel = rows.GroupBy(r => r.Level).OrderBy(g => g.Key).Select(g => new FigureRow(g.Key.Chinese(), g.Count(),
                g.Count(r => IsResolved(r.State)), g.Count(r => r.Overdue),
                Avg(g.Where(r => IsResolved(r.State) && r.ResolvedAt is not null).Select(r => Hours(r.CreatedAt, r.ResolvedAt!.Value))),
                SatisfactionFigures.Of(g.Where(r => r.State == DemandState.Closed && r.Rating is not null).Select(r => r.Rating!.Value)).Rate))
            .ToList();
        var slowGroups = resolved.GroupBy(r => r.HandlerUnitId)
            .Select(g => (Id: g.Key, Count: g.Count(), Avg: Math.Round(g.Average(r => Hours(r.CreatedAt, r.ResolvedAt!.Value)), 1)))
            .OrderByDescending(x => x.Avg).Take(5).ToList();
        var names = await DemandQueries.UnitNamesAsync(db, slowGroups.Select(s => s.Id), ct);

        return new DemandFiguresDto(unit.Id, unit.ShortName != "" ? unit.ShortName : unit.Name, f, t, rows.Count, responded, inTime, Pct(inTime, responded),
            resolved.Count, Pct(resolved.Count, rows.Count), Avg(resolved.Select(r => Hours(r.CreatedAt, r.ResolvedAt!.Value))),
            rows.Count(r => r.Overdue), sat, sat.Rate, byCategory, byLevel,
            slowGroups.Select(s => new SlowUnit(s.Id, names.GetValueOrDefault(s.Id, ""), s.Count, s.Avg)).ToList());
    }
}
