using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

/// <summary>The page's add: one holiday or make-up working day into the year being shown.</summary>
public static class AddCalendarDay
{
    public static async Task<Outcome<CalendarDayDto>> HandleAsync(LianxinDb db, int year, CalendarDayRequest r, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.CalendarManage)) return Failure.Forbidden;
        if (CalendarRules.YearProblem(year) is { } why) return Failure.Invalid("Year", why);
        var e = new Errors();
        var taken = r.Date is { } date
            ? await db.CalendarDays.Where(d => d.Date == date).ToDictionaryAsync(d => d.Date, d => d.Name, ct)
            : [];
        CalendarRules.Check(e, "", year, r, taken);
        if (e.Any) return Failure.Invalid(e);
        var day = new CalendarDay { Date = r.Date!.Value, Kind = r.Kind, Name = r.Name.Trim() };
        db.CalendarDays.Add(day);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return CalendarYear.ToDto(day);
    }
}
