namespace Lianxin.Web.Modules.Demands.Domain;

/// <summary>
/// Time limits count working time in Beijing time: Monday to Friday, 09:00–17:00 (8 working hours a day),
/// minus listed public holidays. China has no daylight saving, so a fixed +8 offset is exact.
/// </summary>
public class WorkingCalendar(IEnumerable<DateOnly>? holidays = null)
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    public const int DayStartHour = 9;
    public const int DayEndHour = 17;
    public const int HoursPerDay = DayEndHour - DayStartHour;

    readonly HashSet<DateOnly> holidays = [.. holidays ?? []];

    public static readonly WorkingCalendar Default = new();

    public bool IsWorkingDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d);

    static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);
    static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    /// <summary>The first working moment at or after <paramref name="local"/>.</summary>
    DateTime NextWorkingMoment(DateTime local)
    {
        while (true)
        {
            var day = DateOnly.FromDateTime(local);
            var start = local.Date.AddHours(DayStartHour);
            var end = local.Date.AddHours(DayEndHour);
            if (IsWorkingDay(day) && local < end) return local < start ? start : local;
            local = local.Date.AddDays(1).AddHours(DayStartHour);
        }
    }

    /// <summary>The UTC moment <paramref name="hours"/> working hours after <paramref name="startUtc"/>.</summary>
    public DateTime AddWorkingHours(DateTime startUtc, double hours)
    {
        if (hours < 0) throw new ArgumentOutOfRangeException(nameof(hours));
        var local = NextWorkingMoment(ToLocal(startUtc));
        var left = TimeSpan.FromHours(hours);
        while (true)
        {
            var end = local.Date.AddHours(DayEndHour);
            var room = end - local;
            if (left <= room) return ToUtc(local + left);
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
        var local = NextWorkingMoment(ToLocal(fromUtc));
        var target = ToLocal(toUtc);
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
