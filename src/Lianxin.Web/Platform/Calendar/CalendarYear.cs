using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

public record CalendarDayDto(Guid Id, DateOnly Date, string Weekday, CalendarDayKind Kind, string KindName, string Name);

/// <summary>A year of the district calendar; <see cref="Entered"/> false means time limits skip weekends only.</summary>
public record CalendarYearDto(int Year, bool Entered, bool CanManage, IReadOnlyList<CalendarDayDto> Days);

/// <summary>One year of the district's calendar, as the page and GET /api/v1/calendar/{year} show it.</summary>
public static class CalendarYear
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The district enters it; street staff, who dispatch by its deadlines, may read it.</summary>
    public static bool CanView(OrgScope scope) => scope.CanAnywhere(Permission.CalendarManage) || scope.CanAnywhere(Permission.CalendarView);

    public static async Task<Outcome<CalendarYearDto>> GetAsync(LianxinDb db, int year, CancellationToken ct)
    {
        if (!CanView(db.Scope)) return Failure.Forbidden;
        if (CalendarRules.YearProblem(year) is { } why) return Failure.Invalid("Year", why);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        return new CalendarYearDto(year, days.Count > 0, db.Scope.CanAnywhere(Permission.CalendarManage), days.Select(ToDto).ToList());
    }

    public static CalendarDayDto ToDto(CalendarDay d) => new(d.Id, d.Date, CalendarRules.Weekday(d.Date.DayOfWeek), d.Kind, d.Kind.Chinese(), d.Name);
}
