using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

/// <summary>
/// Demo mode only: 2026 as the State Council's notice on the 2026 holiday arrangements (国务院办公厅关于2026年部分节假日安排的通知)
/// set it. Real deployments start empty and the district enters each year itself.
/// </summary>
public static class CalendarDemo
{
    static readonly (string Name, DateOnly From, DateOnly To, DateOnly[] Workdays)[] Holidays2026 =
    [
        ("元旦", new(2026, 1, 1), new(2026, 1, 3), [new(2026, 1, 4)]),
        ("春节", new(2026, 2, 15), new(2026, 2, 23), [new(2026, 2, 14), new(2026, 2, 28)]),
        ("清明节", new(2026, 4, 4), new(2026, 4, 6), []),
        ("劳动节", new(2026, 5, 1), new(2026, 5, 5), [new(2026, 5, 9)]),
        ("端午节", new(2026, 6, 19), new(2026, 6, 21), []),
        ("中秋节", new(2026, 9, 25), new(2026, 9, 27), []),
        ("国庆节", new(2026, 10, 1), new(2026, 10, 7), [new(2026, 9, 20), new(2026, 10, 10)]),
    ];

    public static IEnumerable<CalendarDay> Days2026() =>
        Holidays2026.SelectMany(h =>
            Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1)
                .Select(i => new CalendarDay { Date = h.From.AddDays(i), Kind = CalendarDayKind.Holiday, Name = h.Name })
                .Concat(h.Workdays.Select(w => new CalendarDay { Date = w, Kind = CalendarDayKind.Workday, Name = h.Name })));

    public static async Task SeedAsync(LianxinDb db, CancellationToken ct = default)
    {
        if (await db.CalendarDays.AnyAsync(ct)) return;
        db.CalendarDays.AddRange(Days2026());
        await db.SaveChangesAsync(ct);
    }
}
