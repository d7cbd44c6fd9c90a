using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

public class CalendarYearRequest
{
    public List<CalendarDayRequest> Days { get; set; } = [];
}

/// <summary>PUT /api/v1/calendar/{year}: the year's days replaced by the ones sent (an empty list returns the year to weekends only).</summary>
public static class SaveCalendarYear
{
    public static async Task<Outcome<CalendarYearDto>> HandleAsync(LianxinDb db, int year, CalendarYearRequest r, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.CalendarManage)) return Failure.Forbidden;
        if (CalendarRules.YearProblem(year) is { } why) return Failure.Invalid("Year", why);
        var e = new Errors();
        var seen = new Dictionary<DateOnly, string>();
        var days = r.Days ?? [];
        for (var i = 0; i < days.Count; i++)
        {
            CalendarRules.Check(e, $"Days[{i}].", year, days[i], seen);
            if (days[i].Date is { } d && d.Year == year) seen.TryAdd(d, days[i].Name?.Trim() ?? "");
        }
        if (e.Any) return Failure.Invalid(e);

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var existing = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        var sent = days.ToDictionary(d => d.Date!.Value);
        // Unchanged days keep their rows (and the audit log stays quiet about them); only differences are written.
        foreach (var old in existing)
        {
            if (!sent.Remove(old.Date, out var now)) db.CalendarDays.Remove(old);
            else { old.Kind = now.Kind; old.Name = now.Name.Trim(); }
        }
        foreach (var (date, add) in sent) db.CalendarDays.Add(new CalendarDay { Date = date, Kind = add.Kind, Name = add.Name.Trim() });
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return await CalendarYear.GetAsync(db, year, ct);
    }
}
