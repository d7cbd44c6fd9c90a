namespace Lianxin.Web.Platform.Audit.Pages;

/// <summary>Stored UTC, shown and filtered in Asia/Shanghai (no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = Find();

    static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>The UTC instant at which a Shanghai calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
