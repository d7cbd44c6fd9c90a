using Npgsql;

namespace Lianxin.Tests.Support;

/// <summary>
/// Which database this run tests: LIANXIN_TEST_PROVIDER = Sqlite (default) or Postgres, with
/// LIANXIN_TEST_PG the server's base connection string (test.sh starts a throw-away cluster).
/// One run per provider, as bitwarden/server does it.
/// </summary>
public static class TestDatabase
{
    public static string Provider => Environment.GetEnvironmentVariable("LIANXIN_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";
    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A new database, empty or a copy of the closed database at <paramref name="copyOf"/> (a file copy on SQLite, a template
    /// on PostgreSQL); returns its connection string.
    /// </summary>
    public static string Create(string? copyOf = null)
    {
        var name = "lx_" + Guid.NewGuid().ToString("N")[..16];
        if (!IsPostgres)
        {
            var dir = Path.Combine(Path.GetTempPath(), "lianxin-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, name + ".db");
            if (copyOf is not null) File.Copy(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(copyOf).DataSource, file);
            return $"Data Source={file};Pooling=False";
        }
        using (var conn = new NpgsqlConnection(Server))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}" + (copyOf is null ? "" : $" TEMPLATE {new NpgsqlConnectionStringBuilder(copyOf).Database}");
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>The PostgreSQL server's base connection string, where databases are created.</summary>
    public static string Server => Environment.GetEnvironmentVariable("LIANXIN_TEST_PG")
        ?? throw new InvalidOperationException("LIANXIN_TEST_PG is not set: run the tests through ./test.sh");
}
