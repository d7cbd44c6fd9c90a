using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Lists;

/// <summary>
/// A searched entity's <c>SearchText</c> is derived by its own getter, so every save through EF keeps it (ADR 0036); this
/// "aggregate" only fills the rows that lack it: rows older than migration 0049 and rows a raw-SQL or COPY load wrote without
/// it. <c>rebuild-aggregates</c> (and tests after raw SQL) run it. Written with UPDATE statements, not tracked saves, so the
/// rows' versions and the audit log do not move for a derived column.
/// </summary>
public sealed class SearchTextBackfill<T>(string table) : IMaintainedAggregate where T : Entity
{
    const int Batch = 500;
    static readonly System.Reflection.PropertyInfo Getter = typeof(T).GetProperty("SearchText")!;

    public string Name => table + ".SearchText";

    public Task<Func<CancellationToken, Task>?> StageAsync(LianxinDb db, CancellationToken ct) => Task.FromResult<Func<CancellationToken, Task>?>(null);

    public async Task<int> RebuildAsync(LianxinDb db, CancellationToken ct)
    {
        var written = 0;
        Guid? after = null;
        while (true)
        {
            // A walk by id (the primary key) from where the last batch ended, so a batch never rescans the rows already filled
            // (issue 15: re-reading "IS NULL" from the start made a bulk load's backfill quadratic). Each provider compares ids
            // in its own order (uuid bytes, text), used consistently for the filter and the order.
            var pending = db.Set<T>().AcrossScope().AsNoTracking().Where(x => EF.Property<string?>(x, "SearchText") == null);
            if (after is { } last) pending = pending.Where(x => x.Id.CompareTo(last) > 0);
            var rows = await pending.OrderBy(x => x.Id).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) return written;
            after = rows[^1].Id;
            var texts = rows.Select(r => (string?)Getter.GetValue(r) ?? "").ToArray();
            if (db.Database.IsNpgsql())
                // One statement per batch: a bulk load of millions of rows is filled in minutes, not hours. The table is the
                // module's constant; ids and texts are parameters.
#pragma warning disable EF1002
                written += await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE {table} AS t SET \"SearchText\" = v.s FROM unnest({{0}}, {{1}}) AS v(id, s) WHERE t.\"Id\" = v.id",
                    [rows.Select(r => r.Id).ToArray(), texts], ct);
#pragma warning restore EF1002
            else
                for (var i = 0; i < rows.Count; i++)
                {
                    var (id, text) = (rows[i].Id, texts[i]);
                    written += await db.Set<T>().AcrossScope().Where(x => x.Id == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<string?>(x, "SearchText"), text), ct);
                }
        }
    }
}
