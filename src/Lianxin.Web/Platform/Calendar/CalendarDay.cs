using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Calendar;

[JsonConverter(typeof(JsonStringEnumConverter<CalendarDayKind>))]
public enum CalendarDayKind
{
    /// <summary>法定节假日: a day off, including the weekdays moved into a holiday.</summary>
    Holiday,
    /// <summary>调休上班: a Saturday or Sunday worked to make up for a moved day.</summary>
    Workday,
}

/// <summary>
/// One day of the district's working calendar that differs from "Monday to Friday": entered each year from the
/// State Council's holiday notice. A year with no rows counts weekends only.
/// </summary>
public class CalendarDay : Entity
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>Which holiday, e.g. 春节 (a make-up day carries the holiday it makes up for).</summary>
    public string Name { get; set; } = "";
}

public static class CalendarDayKinds
{
    public static string Chinese(this CalendarDayKind k) => k switch
    {
        CalendarDayKind.Holiday => "法定节假日",
        _ => "调休上班",
    };
}
