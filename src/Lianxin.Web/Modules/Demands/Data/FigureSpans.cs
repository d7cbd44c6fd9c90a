using System.Linq.Expressions;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Data;

/// <summary>
/// Where the sums of a period come from (ADR 0045): the calendar months it covers whole from <c>dem_monthly_figures</c>, the
/// days before the first and after the last whole month from <c>dem_daily_figures</c>. A year is then at most 12 monthly
/// rows and about two months of daily rows per unit, category, level and handler, instead of 365 days of them.
/// </summary>
public sealed record FigureSpans(DateOnly? FirstMonth, DateOnly? LastMonth, DateOnly? DaysFrom, DateOnly? DaysTo, DateOnly? TailFrom, DateOnly? TailTo)
{
    public static FigureSpans Of(DateOnly from, DateOnly to)
    {
        var first = from.Day == 1 ? from : DemandMonthFigures.Of(from).AddMonths(1);
        var afterLast = DemandMonthFigures.Of(to.AddDays(1)); // the months before it end on or before `to`
        if (first >= afterLast) return new(null, null, from, to, null, null);
        return new(first, afterLast.AddMonths(-1),
            from < first ? from : null, from < first ? first.AddDays(-1) : null,
            afterLast <= to ? afterLast : null, afterLast <= to ? to : null);
    }

    /// <summary>The daily rows of the subtree <c>[root, rangeEnd)</c> in the partial months at the ends; null when there are none.</summary>
    public IQueryable<DemandDayFigures>? Days(IQueryable<DemandDayFigures> rows, string root, string rangeEnd)
    {
        var under = rows.Where(x => string.Compare(x.OrgPath, root) >= 0 && string.Compare(x.OrgPath, rangeEnd) < 0);
        return (DaysFrom, TailFrom) switch
        {
            (null, null) => null,
            ({ } a, null) => under.Where(Between(a, DaysTo!.Value)),
            (null, { } b) => under.Where(Between(b, TailTo!.Value)),
            ({ } a, { } b) => under.Where(x => (x.Day >= a && x.Day <= DaysTo!.Value) || (x.Day >= b && x.Day <= TailTo!.Value)),
        };
    }

    /// <summary>The monthly rows of the subtree for the whole months; null when the period covers none.</summary>
    public IQueryable<DemandMonthFigures>? Months(IQueryable<DemandMonthFigures> rows, string root, string rangeEnd) =>
        FirstMonth is not { } m1 || LastMonth is not { } m2 ? null
            : rows.Where(x => string.Compare(x.OrgPath, root) >= 0 && string.Compare(x.OrgPath, rangeEnd) < 0 && x.Month >= m1 && x.Month <= m2);

    static Expression<Func<DemandDayFigures, bool>> Between(DateOnly a, DateOnly b) => x => x.Day >= a && x.Day <= b;
}
