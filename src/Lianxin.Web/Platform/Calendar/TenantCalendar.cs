using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

/// <summary>The caller's district calendar over a span, read once per use case and handed to the pure <see cref="WorkingCalendar"/>.</summary>
public static class TenantCalendar
{
    /// <summary>
    /// How far a deadline can reach: the longest time limit is 60 working days, and a year's margin also covers the
    /// longest holiday runs. Beyond the entered years the calendar is weekends only anyway.
    /// </summary>
    static readonly TimeSpan Reach = TimeSpan.FromDays(366);

    /// <summary>The days between the Beijing dates of two moments.</summary>
    public static async Task<WorkingCalendar> LoadAsync(LianxinDb db, DateTime fromUtc, DateTime untilUtc, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(ChinaTime.ToBeijing(fromUtc));
        var until = DateOnly.FromDateTime(ChinaTime.ToBeijing(untilUtc));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= until)
            .Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        return new WorkingCalendar(
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date));
    }

    /// <summary>For deadlines counted from <paramref name="nowUtc"/>.</summary>
    public static Task<WorkingCalendar> ForDeadlinesAsync(LianxinDb db, DateTime nowUtc, CancellationToken ct) =>
        LoadAsync(db, nowUtc, nowUtc + Reach, ct);

    /// <summary>For working hours already spent since <paramref name="sinceUtc"/> and deadlines counted from now.</summary>
    public static Task<WorkingCalendar> SinceAsync(LianxinDb db, DateTime sinceUtc, DateTime nowUtc, CancellationToken ct) =>
        LoadAsync(db, sinceUtc < nowUtc ? sinceUtc : nowUtc, nowUtc + Reach, ct);
}
