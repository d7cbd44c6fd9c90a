namespace Lianxin.Web.Platform;

/// <summary>One page of a list, with how many rows there are in all (any module's paged list).</summary>
public record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
