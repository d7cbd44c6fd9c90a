namespace Lianxin.Web.Platform.Time;

/// <summary>
/// The one Beijing clock: stored UTC, shown, filtered and counted in Asia/Shanghai. China has kept UTC+8 without
/// daylight saving since 1991, so a fixed offset is exact for every moment this system stores.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in Beijing (after 16:00 UTC it is already tomorrow there).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(ToBeijing(clock.GetUtcNow().UtcDateTime));

    public static DateTime ToBeijing(DateTime utc) => DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset, DateTimeKind.Unspecified);

    /// <summary>The UTC moment of a Beijing wall-clock time.</summary>
    public static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(beijing - Offset, DateTimeKind.Utc);

    public static DateTime ToUtc(DateOnly day, TimeOnly time) => ToUtc(day.ToDateTime(time));

    /// <summary>The UTC instant at which a Beijing calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => ToUtc(day, TimeOnly.MinValue);

    /// <summary>To the second, for logs (the audit page).</summary>
    public static string Format(DateTime utc) => ToBeijing(utc).ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>To the minute, the usual way a page shows a moment; <paramref name="none"/> when there is none.</summary>
    public static string Minutes(DateTime? utc, string none = "") => utc is { } t ? ToBeijing(t).ToString("yyyy-MM-dd HH:mm") : none;

    /// <summary>Month, day and time, for dense lists within the year.</summary>
    public static string Short(DateTime? utc) => utc is { } t ? ToBeijing(t).ToString("MM-dd HH:mm") : "";

    /// <summary>The Beijing date of a moment (a deadline stored as the end of that day shows as that day).</summary>
    public static string Date(DateTime utc) => ToBeijing(utc).ToString("yyyy-MM-dd");
}
