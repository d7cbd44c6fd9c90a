using System.Linq.Expressions;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Demands.Data;

/// <summary>Days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    /// <summary>Its days up to <paramref name="today"/>: later days have no demands yet, so reading them costs nothing.</summary>
    public int PastDays(DateOnly today) => To < today ? To.DayNumber - From.DayNumber + 1 : Math.Max(0, today.DayNumber - From.DayNumber + 1);
}

/// <summary>
/// Where the sums of a period come from (ADR 0045, 0049): calendar months from <c>dem_monthly_figures</c>, plus the days of
/// the partial months read day by day from <c>dem_daily_figures</c> (<see cref="Days"/>), minus the days a month read whole
/// has outside the period (<see cref="Minus"/>). A partial month is read as "the month minus its other days" when those are
/// fewer than half the days wanted: the default 30 days (most of last month and this month so far) then read two months of
/// monthly rows and a few days instead of 30 days of daily rows, whose grain is about one row per demand in a busy street.
/// </summary>
public sealed record FigureSpans(DateOnly? FirstMonth, DateOnly? LastMonth, IReadOnlyList<DayRange> Days, IReadOnlyList<DayRange> Minus)
{
    /// <param name="today">Days after it count as free when choosing (none are filed yet); null: every day counts.</param>
    public static FigureSpans Of(DateOnly from, DateOnly to, DateOnly? today = null)
    {
        var now = today ?? DateOnly.MaxValue;
        var months = new List<DateOnly>();
        var days = new List<DayRange>();
        var minus = new List<DayRange>();
        for (var m = DemandMonthFigures.Of(from); m <= to; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            var wanted = new DayRange(from > m ? from : m, to < end ? to : end);
            List<DayRange> others = [];
            if (wanted.From > m) others.Add(new(m, wanted.From.AddDays(-1)));
            if (wanted.To < end) others.Add(new(wanted.To.AddDays(1), end));
            if (others.Count > 0 && 2 * others.Sum(o => o.PastDays(now)) >= wanted.PastDays(now))
            {
                // The end of one month and the start of the next read day by day are one range.
                if (days.Count > 0 && days[^1].To.AddDays(1) == wanted.From) days[^1] = days[^1] with { To = wanted.To };
                else days.Add(wanted);
                continue;
            }
            months.Add(m);
            minus.AddRange(others);
        }
        // Only the first and the last month can be partial, so the months read whole are always consecutive.
        return new(months.Count == 0 ? null : months[0], months.Count == 0 ? null : months[^1], days, minus);
    }

    /// <summary>The daily rows of the subtree <c>[root, rangeEnd)</c> on the given days (at most two ranges); null when there are none.</summary>
    public static IQueryable<DemandDayFigures>? On(IQueryable<DemandDayFigures> rows, string root, string rangeEnd, IReadOnlyList<DayRange> ranges)
    {
        var under = rows.Where(x => string.Compare(x.OrgPath, root) >= 0 && string.Compare(x.OrgPath, rangeEnd) < 0);
        return ranges switch
        {
            [] => null,
            [var a] => under.Where(Between(a)),
            [var a, var b] => under.Where(x => (x.Day >= a.From && x.Day <= a.To) || (x.Day >= b.From && x.Day <= b.To)),
            _ => throw new ArgumentOutOfRangeException(nameof(ranges), "a period has at most two partial months"),
        };
    }

    /// <summary>The monthly rows of the subtree for the months read whole; null when there are none.</summary>
    public IQueryable<DemandMonthFigures>? Months(IQueryable<DemandMonthFigures> rows, string root, string rangeEnd) =>
        FirstMonth is not { } m1 || LastMonth is not { } m2 ? null
            : rows.Where(x => string.Compare(x.OrgPath, root) >= 0 && string.Compare(x.OrgPath, rangeEnd) < 0 && x.Month >= m1 && x.Month <= m2);

    static Expression<Func<DemandDayFigures, bool>> Between(DayRange r) => x => x.Day >= r.From && x.Day <= r.To;
}
