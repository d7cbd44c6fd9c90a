using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Platform.Calendar;

/// <summary>
/// Time limits count working time in Beijing time, 09:00–17:00 (8 working hours a day), on Monday to Friday
/// minus public holidays, plus the make-up working days (调休上班) that fall on a weekend. Pure: the caller hands
/// in the days it loaded once (<see cref="TenantCalendar"/>), so many deadlines are computed without a query each.
/// </summary>
public class WorkingCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? workdays = null)
{
    public const int DayStartHour = 9;
    public const int DayEndHour = 17;
    public const int HoursPerDay = DayEndHour - DayStartHour;

    readonly HashSet<DateOnly> holidays = [.. holidays ?? []];
    readonly HashSet<DateOnly> workdays = [.. workdays ?? []];

    /// <summary>A year nobody entered yet: weekends are the only days off.</summary>
    public static readonly WorkingCalendar WeekendsOnly = new();

    public bool IsWorkingDay(DateOnly d) =>
        workdays.Contains(d) || (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d));

    /// <summary>The first working moment at or after <paramref name="local"/>.</summary>
    DateTime NextWorkingMoment(DateTime local)
    {
        while (true)
        {
            var start = local.Date.AddHours(DayStartHour);
            var end = local.Date.AddHours(DayEndHour);
            if (IsWorkingDay(DateOnly.FromDateTime(local)) && local < end) return local < start ? start : local;
            local = local.Date.AddDays(1).AddHours(DayStartHour);
        }
    }

    /// <summary>The UTC moment <paramref name="hours"/> working hours after <paramref name="startUtc"/>.</summary>
    public DateTime AddWorkingHours(DateTime startUtc, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var local = NextWorkingMoment(ChinaTime.ToBeijing(startUtc));
        var left = TimeSpan.FromHours(hours);
        while (true)
        {
            var end = local.Date.AddHours(DayEndHour);
            var room = end - local;
            if (left <= room) return ChinaTime.ToUtc(local + left);
            left -= room;
            local = NextWorkingMoment(end);
        }
    }

    /// <summary><paramref name="days"/> working days later: the same working hour that many working days on.</summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days) => AddWorkingHours(startUtc, days * HoursPerDay);

    /// <summary>Working hours between two moments (0 if <paramref name="toUtc"/> is not later).</summary>
    public double WorkingHoursBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return 0;
        var local = NextWorkingMoment(ChinaTime.ToBeijing(fromUtc));
        var target = ChinaTime.ToBeijing(toUtc);
        double total = 0;
        while (local < target)
        {
            var end = local.Date.AddHours(DayEndHour);
            total += ((target < end ? target : end) - local).TotalHours;
            local = NextWorkingMoment(end);
        }
        return total;
    }
}
