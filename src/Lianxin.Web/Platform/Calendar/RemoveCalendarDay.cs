using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Calendar;

/// <summary>Takes a day out of the calendar: deadlines set from now on count it as an ordinary day again.</summary>
public static class RemoveCalendarDay
{
    public static async Task<Outcome<CalendarDayDto>> HandleAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.CalendarManage)) return Failure.Forbidden;
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null) return Failure.NotFound;
        db.CalendarDays.Remove(day);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return CalendarYear.ToDto(day);
    }
}
