using System.Collections.Concurrent;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lianxin.Web.Modules.PointsBank.Data;

/// <summary>
/// Closes a pending hold (confirmed, voided or expired) as one plain statement, as the balances and the stock are moved
/// (ADR 0066): the confirmation and the void run it on every call, and as LINQ each call built and funcletized its
/// expression. Only a row still <see cref="RedemptionState.Pending"/> changes (and, for a confirmation, one not past its
/// time), so of a confirmation, a void and the expiry job racing, one wins. The id must come from a read that kept the
/// caller's scope: a plain statement has no query filter.
/// </summary>
public static class CloseHold
{
    sealed record Shape(string Sql, IProperty State, IProperty ClosedAt, IProperty Id);

    static readonly ConcurrentDictionary<(IModel, bool), Shape> Shapes = new();

    /// <summary>True when this call closed it; false when it was no longer pending (or, with <paramref name="unexpired"/>, past its time).</summary>
    public static async Task<bool> RunAsync(LianxinDb db, Guid id, RedemptionState to, DateTime now, bool unexpired, CancellationToken ct)
    {
        var shape = Shapes.GetOrAdd((db.Model, unexpired), _ =>
        {
            var names = TableNames.Of<Redemption>(db);
            var (state, stateProperty) = names.Column(nameof(Redemption.State));
            var (closedAt, closedProperty) = names.Column(nameof(Redemption.ClosedAt));
            var (key, keyProperty) = names.Key;
            var expires = names.Column(nameof(Redemption.ExpiresAt)).Name;
            return new($"UPDATE {names.Table} SET {state} = {{0}}, {closedAt} = {{1}} WHERE {key} = {{2}} AND {state} = {{3}}"
                + (unexpired ? $" AND {expires} > {{1}}" : ""), stateProperty, closedProperty, keyProperty);
        });
        var parameters = TableNames.Parameters(db,
            (shape.State, "to", to), (shape.ClosedAt, "now", now), (shape.Id, "id", id), (shape.State, "pending", RedemptionState.Pending));
        return await db.Database.ExecuteSqlRawAsync(shape.Sql, parameters, ct) == 1;
    }
}
