namespace Lianxin.Web.Platform.Indicators;

public enum IndicatorUnit { Count, Percent, Hours, Points, Days }

/// <summary>
/// How a figure adds up the tree: counts add, rates divide the summed parts, stocks take the latest value. <see cref="Distinct"/>
/// counts of people (or anything that can belong to several units) do not add: a parent's figure is read for its whole subtree
/// by the owning source, never summed from its children's.
/// </summary>
public enum IndicatorRollup { Sum, RatioOfSums, Latest, Distinct }

/// <summary>
/// A figure leaders read (对标对表, the quarterly report, the 大屏), owned and defined by one module. <paramref name="HigherIsBetter"/>
/// says which end is "best" when units are ranked (overdue demands: lower is better).
/// </summary>
public sealed record Indicator(string Code, string Name, string Definition, string Module, IndicatorUnit Unit, IndicatorRollup Rollup,
    bool HigherIsBetter = true);

/// <summary>One unit's figure: a ratio keeps its parts so that parents can add them (ratio of sums, not mean of ratios).</summary>
public readonly record struct IndicatorValue(decimal Numerator, decimal Denominator = 1)
{
    public decimal? Value => Denominator == 0 ? null : Numerator / Denominator;
    public static IndicatorValue operator +(IndicatorValue a, IndicatorValue b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);
}

/// <summary>
/// A module's indicators and how to read them. Registered with <c>services.AddIndicators&lt;T&gt;()</c>; the catalogue
/// (<see cref="IndicatorCatalog"/>) lists every registered indicator. <see cref="ReadAsync"/> answers, for each subtree
/// path asked, the figure of everything under that path over the period [from, to] (stocks: as of <c>to</c>), across the
/// caller's scope (callers check scope on the units they ask for). Read maintained aggregates, not raw rows, where the
/// module keeps them.
/// </summary>
public interface IIndicatorSource
{
    IReadOnlyList<Indicator> Indicators { get; }

    Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct);
}
