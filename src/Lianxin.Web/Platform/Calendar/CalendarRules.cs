namespace Lianxin.Web.Platform.Calendar;

/// <summary>A day as the page and the API send it.</summary>
public class CalendarDayRequest
{
    public DateOnly? Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>What a calendar day must satisfy, in Chinese, field by field.</summary>
public static class CalendarRules
{
    public static string? YearProblem(int year) =>
        year is < CalendarYear.MinYear or > CalendarYear.MaxYear ? $"年份须在 {CalendarYear.MinYear}–{CalendarYear.MaxYear} 之间。" : null;

    /// <summary>Checks one day of <paramref name="year"/>; <paramref name="taken"/> are the days already entered (date → name).</summary>
    public static void Check(Errors e, string prefix, int year, CalendarDayRequest r, IReadOnlyDictionary<DateOnly, string> taken)
    {
        if (r.Date is not { } date) e.Fail(prefix + nameof(r.Date), "请选择日期。");
        else if (date.Year != year) e.Fail(prefix + nameof(r.Date), $"日期须在 {year} 年内。");
        else if (taken.TryGetValue(date, out var name)) e.Fail(prefix + nameof(r.Date), $"{date:M月d日}已录入（{name}），同一天只能录入一次。");
        else if (r.Kind == CalendarDayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            e.Fail(prefix + nameof(r.Kind), "调休上班日应为周六或周日（工作日本来就上班）。");
        if (!Enum.IsDefined(r.Kind)) e.Fail(prefix + nameof(r.Kind), "请选择法定节假日或调休上班。");
        e.Required(prefix + nameof(r.Name), r.Name, "请填写名称，如“春节”。");
        e.Max(prefix + nameof(r.Name), r.Name, CalendarModel.NameMax, "名称");
    }

    public static string Weekday(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };
}
