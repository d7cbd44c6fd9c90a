using System.Data.Common;
using Npgsql;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// The app's PostgreSQL connection string: Npgsql prepares a statement the second time a connection sends it (ADR 0064),
/// so PostgreSQL stops parsing and planning the same statements on every request. A string that sets
/// <c>Max Auto Prepare</c> itself (0 turns it off, e.g. behind an old PgBouncer in transaction mode) is left as it is.
/// </summary>
public static class PostgresConnection
{
    public static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}
