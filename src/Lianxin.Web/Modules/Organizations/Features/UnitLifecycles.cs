using System.Text.Json;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>Every module's <see cref="IUnitLifecycle"/>, asked in one transaction when a unit moves or is dissolved.</summary>
public class UnitLifecycles(IEnumerable<IUnitLifecycle> handlers, TimeProvider clock)
{
    /// <summary>Rebases every module's rows and writes one audit entry naming the move and the rows per table.</summary>
    public async Task RebaseAsync(LianxinDb db, Guid unitId, string oldRoot, string newRoot, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var handler in handlers)
            foreach (var (table, n) in await handler.RebaseAsync(db, oldRoot, newRoot, ct))
                counts[table] = n;
        if (db.Scope.AuditSuppressed) return;
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = db.CurrentTenantId, At = clock.GetUtcNow().UtcDateTime, UserId = db.Scope.UserId, UserName = db.Scope.UserName,
            Entity = "OrgUnitMove", EntityId = unitId.ToString(), Action = AuditAction.Update,
            Before = JsonSerializer.Serialize(new { path = oldRoot }),
            After = JsonSerializer.Serialize(new { path = newRoot, rows = counts }),
        });
    }

    /// <summary>What modules still hold live under <paramref name="path"/>; empty when the unit may be dissolved.</summary>
    public async Task<IReadOnlyList<string>> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var live = new List<string>();
        foreach (var handler in handlers)
            if (await handler.LiveRecordsAsync(db, path, ct) is { } what) live.Add(what);
        return live;
    }
}
