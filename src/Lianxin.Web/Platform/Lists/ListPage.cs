namespace Lianxin.Web.Platform.Lists;

/// <summary>
/// One page of a large list (ADR 0036): the rows, a total that is exact up to <see cref="ListOptions.CountCap"/> and a lower
/// bound beyond it (<see cref="TotalIsLowerBound"/>: show "10,000+"), and opaque cursors to the next and previous pages.
/// <see cref="Page"/> is the page number when the page was asked for by number (the small-set fallback), 0 when by cursor.
/// </summary>
public record ListPage<T>(IReadOnlyList<T> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize, string? Next, string? Previous)
{
    /// <summary>The total as people read it: "10,000+" when only a lower bound is known.</summary>
    public string TotalText => TotalIsLowerBound ? $"{Total:N0}+" : Total.ToString("N0");
}

/// <summary>Where the capped count stops counting (<c>Lists:CountCap</c>).</summary>
public class ListOptions
{
    public int CountCap { get; set; } = 10_000;
}
