using System.Data.Common;
using System.Reflection;

namespace Lianxin.Migrations;

/// <summary>
/// Applies the embedded SQL migrations of one provider in name order, each in its own transaction,
/// and records them in <c>__lianxin_migrations</c>. Hand-written because EF's design-time tools do
/// not restore on this mirror (see docs/decisions/0002-migrations.md).
/// </summary>
public static class MigrationRunner
{
    public const string HistoryTable = "__lianxin_migrations";
    const long LockKey = 7461234;

    public static IReadOnlyList<string> Available(string provider) =>
        typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(provider + ".", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[(provider.Length + 1)..^4])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Applies what is missing (up to and including <paramref name="until"/> when given: an older schema, for upgrade tests) and returns the names applied now.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(DbConnection connection, string provider, CancellationToken ct = default, string? until = null)
    {
        if (provider is not ("Sqlite" or "Postgres"))
            throw new ArgumentException($"Unknown provider '{provider}'.", nameof(provider));
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);

        // One session-level lock around read-history + apply-all: two instances starting together would otherwise both
        // read the same history and both apply the next migration (or race on CREATE TABLE IF NOT EXISTS).
        if (provider == "Postgres") await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            await ExecuteAsync(connection, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)", ct);

            var applied = await AppliedAsync(connection, ct);

            var done = new List<string>();
            foreach (var name in Available(provider).Where(n => !applied.Contains(n) && (until is null || string.CompareOrdinal(n, until) <= 0)))
            {
                var sql = Read(provider, name);
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, sql, ct);
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = $"INSERT INTO {HistoryTable} (id, applied_at) VALUES (@id, @at)";
                    var p1 = cmd.CreateParameter(); p1.ParameterName = "@id"; p1.Value = name; cmd.Parameters.Add(p1);
                    var p2 = cmd.CreateParameter(); p2.ParameterName = "@at"; p2.Value = DateTime.UtcNow.ToString("O"); cmd.Parameters.Add(p2);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            // A session lock outlives the call on a pooled connection: free it whatever happened above.
            if (provider == "Postgres" && connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>The migrations this build carries that the database has not applied (all of them on an empty database).</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(DbConnection connection, string provider, CancellationToken ct = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = provider == "Postgres"
            ? $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{HistoryTable}' AND table_schema = current_schema()"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 0) return Available(provider);
        var applied = await AppliedAsync(connection, ct);
        return Available(provider).Where(n => !applied.Contains(n)).ToList();
    }

    static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT id FROM {HistoryTable}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return applied;
    }

    static string Read(string provider, string name)
    {
        using var stream = typeof(MigrationRunner).Assembly.GetManifestResourceStream($"{provider}.{name}.sql")
            ?? throw new InvalidOperationException($"Migration {provider}/{name} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
