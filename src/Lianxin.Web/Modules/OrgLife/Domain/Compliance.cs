using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>One kind of meeting a branch owes: how many, and the start of the oldest period still short (欠账自何时起).</summary>
public record Arrear(MeetingKind Kind, int Owed, DateOnly Since);

/// <summary>What a branch was due over a span and what it held: the compliance rate is credited over required (each period capped at its minimum).</summary>
public record Assessment(int Required, int Credited, IReadOnlyList<Arrear> Arrears);

/// <summary>The arithmetic of the rules: calendar periods, what is due in a span, late entries and absence streaks.</summary>
public static class Compliance
{
    /// <summary>The calendar period of <paramref name="months"/> months (aligned to January) that contains <paramref name="day"/>.</summary>
    public static (DateOnly Start, DateOnly End) PeriodOf(DateOnly day, int months)
    {
        var start = new DateOnly(day.Year, (day.Month - 1) / months * months + 1, 1);
        return (start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>
    /// The periods due in [<paramref name="from"/>, <paramref name="to"/>]: those that end inside it. A period still running
    /// on <paramref name="to"/> is not due yet (a yearly 组织生活会 is owed only once the year is over).
    /// </summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> PeriodsDue(int months, DateOnly from, DateOnly to)
    {
        for (var (start, end) = PeriodOf(from, months); end <= to; start = end.AddDays(1), end = start.AddMonths(months).AddDays(-1))
            yield return (start, end);
    }

    /// <summary>Checks one branch's counted meetings (kind and Beijing date) against its rules over a span.</summary>
    public static Assessment Assess(IEnumerable<(MeetingKind Kind, int PeriodMonths, int MinCount)> rules, IReadOnlyCollection<(MeetingKind Kind, DateOnly On)> held,
        DateOnly from, DateOnly to)
    {
        int required = 0, credited = 0;
        var arrears = new List<Arrear>();
        foreach (var rule in rules.Where(r => r.MinCount > 0 && r.PeriodMonths > 0))
        {
            var days = held.Where(h => h.Kind == rule.Kind).Select(h => h.On).ToList();
            int owed = 0;
            DateOnly? since = null;
            foreach (var (start, end) in PeriodsDue(rule.PeriodMonths, from, to))
            {
                var n = days.Count(d => d >= start && d <= end);
                required += rule.MinCount;
                credited += Math.Min(n, rule.MinCount);
                if (n >= rule.MinCount) continue;
                owed += rule.MinCount - n;
                since ??= start;
            }
            if (owed > 0) arrears.Add(new Arrear(rule.Kind, owed, since!.Value));
        }
        return new Assessment(required, credited, arrears);
    }

    /// <summary>Entered later than <paramref name="windowDays"/> days after the meeting's date (counted in Beijing days): a late entry (补录).</summary>
    public static bool IsLateEntry(DateOnly heldOn, DateTime recordedAtUtc, int windowDays) =>
        DateOnly.FromDateTime(ChinaTime.ToBeijing(recordedAtUtc)).DayNumber - heldOn.DayNumber > windowDays;

    /// <summary>How many of a member's latest meetings in a row they missed (states oldest first).</summary>
    public static int AbsentStreak(IEnumerable<AttendanceState> statesOldestFirst)
    {
        var streak = 0;
        foreach (var s in statesOldestFirst) streak = s.Attended() ? 0 : streak + 1;
        return streak;
    }

    public const int FlagAfterAbsences = 3;
}
