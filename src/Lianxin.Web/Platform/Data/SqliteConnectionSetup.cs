using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// Every SQLite connection makes LIKE case-sensitive, as it is on PostgreSQL. Besides keeping behaviour the
/// same on both providers, this lets SQLite answer a path prefix (`OrgPath LIKE '/…/%'`, how EF writes
/// StartsWith) from the (TenantId, OrgPath) index instead of scanning the table: the subtree queries of a
/// street in the bench's L district go from a scan to an index range.
/// </summary>
public class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    static void Configure(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA case_sensitive_like = ON;";
        cmd.ExecuteNonQuery();
    }
}
