using System.Text;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Data;

/// <summary>The daily figures rows (ADR 0035).</summary>
public sealed class DailyFiguresAggregate() : DemandFiguresAggregate<DemandDayFigures>("dem_daily_figures", "Day", null);

/// <summary>The monthly figures rows (ADR 0045): the same contributions, each in the first day of its month.</summary>
public sealed class MonthlyFiguresAggregate() : DemandFiguresAggregate<DemandMonthFigures>("dem_monthly_figures", "Month", DemandMonthFigures.Of);

/// <summary>
/// Keeps a figures table (<c>dem_daily_figures</c>, <c>dem_monthly_figures</c>) in step with the demands (ADR 0035, 0045,
/// the pattern of ADR 0026): on every save it takes each changed demand's original contribution away and adds its current one (<see cref="DemandContribution"/>), and adds the
/// differences in the same transaction with additive upserts, so concurrent saves add up. A demand moving state, unit or
/// level, or merged into another, moves its counts; a save that changes no counted value writes nothing. Unit moves rebase
/// the rows like any scoped table (<see cref="Features.DemandsUnitLifecycle"/>).
/// </summary>
public abstract class DemandFiguresAggregate<TRow>(string table, string dateColumn, Func<DateOnly, DateOnly>? bucket) : IMaintainedAggregate
    where TRow : DemandFiguresRow
{
    public string Name => table;

    public Task<Func<CancellationToken, Task>?> StageAsync(LianxinDb db, CancellationToken ct)
    {
        var tally = new DemandFiguresTally(bucket);
        foreach (var e in db.ChangeTracker.Entries<Demand>())
        {
            if (e.State is EntityState.Modified or EntityState.Deleted) tally.Add((Demand)e.OriginalValues.ToObject(), -1);
            if (e.State is EntityState.Added or EntityState.Modified) tally.Add(e.Entity, +1);
        }
        var changes = tally.Changes;
        return Task.FromResult<Func<CancellationToken, Task>?>(changes.Count == 0 ? null : ct2 => AddAsync(db, changes, ct2));
    }

    public async Task<int> RebuildAsync(LianxinDb db, CancellationToken ct)
    {
        await db.Set<TRow>().AcrossScope().ExecuteDeleteAsync(ct);
        var tally = new DemandFiguresTally(bucket);
        // Streamed: only the tally (one entry per row to write) is held, not the demands.
        await foreach (var d in db.Demands.AcrossScope().AsNoTracking().Where(d => d.State != DemandState.Merged)
                           .Select(d => new Demand
                           {
                               TenantId = d.TenantId, OrgPath = d.OrgPath, CreatedAt = d.CreatedAt, CategoryName = d.CategoryName, Level = d.Level,
                               HandlerUnitId = d.HandlerUnitId, State = d.State, FirstResponseAt = d.FirstResponseAt, FirstResponseDueAt = d.FirstResponseDueAt,
                               ResolvedAt = d.ResolvedAt, ResolveHours = d.ResolveHours, Overdue = d.Overdue, Rating = d.Rating,
                           }).AsAsyncEnumerable().WithCancellation(ct))
            tally.Add(d, +1);
        var changes = tally.Changes;
        await AddAsync(db, changes, ct);
        return changes.Count;
    }

    const int Columns = 19, Batch = 500;

    /// <summary>Adds to each row, creating it at its first demand: many rows per statement, the same text on both providers.</summary>
    async Task AddAsync(LianxinDb db, IReadOnlyList<(DemandContribution.Key Key, int[] Counts, double Hours)> changes, CancellationToken ct)
    {
        foreach (var chunk in changes.Chunk(Batch))
        {
            // The table and the date column are this class's constants; every value is a parameter.
            var sql = new StringBuilder($$"""
                INSERT INTO {{table}} ("Id", "TenantId", "UnitId", "OrgPath", "{{dateColumn}}", "CategoryName", "Level", "HandlerUnitId",
                    "Received", "Responded", "RespondedInTime", "Resolved", "ResolvedWithTime", "Timed", "Overdue", "Satisfied",
                    "BasicallySatisfied", "Unsatisfied", "Hours") VALUES
                """);
            var args = new List<object>(chunk.Length * Columns);
            foreach (var (key, counts, hours) in chunk)
            {
                sql.Append(args.Count == 0 ? "\n(" : ",\n(");
                for (var i = 0; i < Columns; i++) sql.Append(i == 0 ? "" : ", ").Append('{').Append(args.Count + i).Append('}');
                sql.Append(')');
                args.AddRange([Guid.CreateVersion7(), key.Tenant, OrgDirectory.UnitOf(key.Path), key.Path, key.Day, key.Category,
                    key.Level.ToString(), key.Handler]);
                args.AddRange(counts.Cast<object>());
                args.Add(hours);
            }
            sql.Append($$"""

                ON CONFLICT ("TenantId", "UnitId", "{{dateColumn}}", "CategoryName", "Level", "HandlerUnitId") DO UPDATE SET
                    "Received" = {{table}}."Received" + excluded."Received",
                    "Responded" = {{table}}."Responded" + excluded."Responded",
                    "RespondedInTime" = {{table}}."RespondedInTime" + excluded."RespondedInTime",
                    "Resolved" = {{table}}."Resolved" + excluded."Resolved",
                    "ResolvedWithTime" = {{table}}."ResolvedWithTime" + excluded."ResolvedWithTime",
                    "Timed" = {{table}}."Timed" + excluded."Timed",
                    "Overdue" = {{table}}."Overdue" + excluded."Overdue",
                    "Satisfied" = {{table}}."Satisfied" + excluded."Satisfied",
                    "BasicallySatisfied" = {{table}}."BasicallySatisfied" + excluded."BasicallySatisfied",
                    "Unsatisfied" = {{table}}."Unsatisfied" + excluded."Unsatisfied",
                    "Hours" = {{table}}."Hours" + excluded."Hours"
                """);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
