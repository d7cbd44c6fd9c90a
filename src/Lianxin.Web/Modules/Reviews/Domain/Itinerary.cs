namespace Lianxin.Web.Modules.Reviews.Domain;

/// <summary>The route of a round: units in visiting order, each optionally at a set time (UTC), inside the round's days.</summary>
public static class Itinerary
{
    /// <summary>Visits are planned in China time; the round's days are Asia/Shanghai dates (UTC+8, no daylight saving).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>
    /// Errors in Chinese keyed StartsOn, EndsOn or Units[i].At; empty when the plan holds: the days in order, a time only
    /// with days set, every time inside the days, no two visits at the same time, and times following the visiting order.
    /// </summary>
    public static Dictionary<string, string> Check(DateOnly? startsOn, DateOnly? endsOn, IReadOnlyList<(string Name, DateTime? At)> visits)
    {
        var e = new Dictionary<string, string>();
        if (endsOn is not null && startsOn is null) e["StartsOn"] = "请填写观摩开始日期。";
        if (startsOn is { } s && endsOn is { } en && en < s) e["EndsOn"] = "观摩结束日期不能早于开始日期。";
        if (startsOn is { } s2 && endsOn is { } en2 && en2.DayNumber - s2.DayNumber > 31) e["EndsOn"] = "一轮观摩最长 31 天。";
        var last = endsOn ?? startsOn;
        (string Name, DateTime At)? previous = null;
        var seen = new Dictionary<DateTime, string>();
        for (var i = 0; i < visits.Count; i++)
        {
            if (visits[i].At is not { } at) continue;
            var key = $"Units[{i}].At";
            var name = visits[i].Name;
            var day = LocalDate(at);
            if (startsOn is null) e.TryAdd("StartsOn", "安排观摩时间前，请先填写观摩日期。");
            else if (day < startsOn || day > last)
                e[key] = $"“{name}”的观摩时间须在观摩日期（{startsOn:yyyy-MM-dd} 至 {last:yyyy-MM-dd}）之内。";
            else if (seen.TryGetValue(at, out var other))
                e[key] = $"“{name}”与“{other}”的观摩时间相同，请错开。";
            else if (previous is { } p && at < p.At)
                e[key] = $"“{name}”排在“{p.Name}”之后，观摩时间却更早，请调整顺序或时间。";
            seen.TryAdd(at, name);
            previous = (name, at);
        }
        return e;
    }
}
