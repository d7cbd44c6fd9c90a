using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Data;

/// <summary>Moving a subtree's rows: one UPDATE per table, in the database, whatever the number of rows.</summary>
public static class PathRebase
{
    /// <summary>
    /// Every row of <typeparamref name="T"/> in the district whose path (OrgPath, or another path column such as a demand's
    /// handler) lies under <paramref name="oldRoot"/> gets <paramref name="newRoot"/> in place of that prefix. Rows are not
    /// loaded, so the interceptor does not audit them one by one: the move writes one audit entry with the counts.
    /// </summary>
    public static Task<int> RebaseAsync<T>(this LianxinDb db, string oldRoot, string newRoot, CancellationToken ct,
        string column = nameof(IOrgScoped.OrgPath)) where T : class, IOrgScoped
    {
        var cut = oldRoot.Length;
        var end = QueryFilters.RangeEnd(oldRoot);
        return db.Set<T>().AcrossScope()
            .Where(x => string.Compare(EF.Property<string>(x, column), oldRoot) >= 0 && string.Compare(EF.Property<string>(x, column), end) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<string>(x, column), x => newRoot + EF.Property<string>(x, column).Substring(cut)), ct);
    }
}
