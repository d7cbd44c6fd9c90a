using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// "Add to a number column of one row, found by its key" as one plain statement (ADR 0066): for the hottest writes (the
/// points bank's balances and stock), where EF's <c>ExecuteUpdate</c> spent more CPU on building, funcletizing and looking
/// up its LINQ than the statement costs the database. The model's table and column names, the columns' own type mappings
/// for the values; the text is built once per model and column. With <c>floorAtZero</c> the row changes only when the column stays at
/// or above zero (a debit never overdraws; PostgreSQL re-checks the condition on a row it waited for). The key must come
/// from a read that already kept the caller's scope: a plain statement has no query filter.
/// </summary>
public static class CounterUpdate
{
    // The statement's text and the two columns, found in the model once per model, entity, column and floor: Add is on
    // the ledger's hot path, where the lookups would otherwise run on every call.
    sealed record Shape(string Sql, IProperty Counter, IProperty Key);

    static readonly ConcurrentDictionary<(IModel, Type, string, bool), Shape> Shapes = new();

    public static CommitStatement Add<TEntity>(LianxinDb db, Guid key, string column, long delta, bool floorAtZero)
    {
        var shape = Shapes.GetOrAdd((db.Model, typeof(TEntity), column, floorAtZero), _ =>
        {
            var names = TableNames.Of<TEntity>(db);
            var (c, counter) = names.Column(column);
            var (id, key) = names.Key;
            return new($"UPDATE {names.Table} SET {c} = {c} + {{0}} WHERE {id} = {{1}}" + (floorAtZero ? $" AND {c} + {{0}} >= 0" : ""), counter, key);
        });
        return new(shape.Sql, TableNames.Parameters(db,
            (shape.Counter, "delta", Convert.ChangeType(delta, shape.Counter.ClrType)), (shape.Key, "id", key)));
    }

    /// <summary>Runs the statement now; false when no row changed (no such row, or the floor refused it).</summary>
    public static async Task<bool> RunAsync(this CommitStatement statement, LianxinDb db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(statement.Sql, statement.Parameters, ct) == 1;
}
