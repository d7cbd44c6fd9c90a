using Lianxin.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lianxin.Tests.Support;

/// <summary>
/// The demo district, migrated and seeded once per test run, then copied for every app that needs it. Seeding runs the
/// modules' use cases (about 40 s on SQLite), and a run starts over a dozen apps per provider; a copy takes well under a
/// second (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL). StartupTests still seed an empty
/// database through the app, so seeding itself stays tested. ADR 0040.
/// </summary>
public static class DemoTemplate
{
    static readonly Lazy<(string ConnectionString, string CheckpointFile)> template = new(Create);
    static readonly Lock copying = new();

    /// <summary>
    /// A new database holding the seeded demo district; its audit checkpoints (if seeding wrote any) go to
    /// <paramref name="checkpointFile"/> when given. One copy at a time: PostgreSQL refuses a template that another copy is reading.
    /// </summary>
    public static string Copy(string? checkpointFile = null)
    {
        var (source, checkpoints) = template.Value;
        lock (copying)
        {
            if (checkpointFile is not null && File.Exists(checkpoints)) File.Copy(checkpoints, checkpointFile, overwrite: true);
            return TestDatabase.Create(copyOf: source);
        }
    }

    static (string, string) Create()
    {
        var app = new LianxinApp(fromTemplate: false);
        app.CreateClient().Dispose(); // starts the app: migrates and seeds
        var connectionString = app.ConnectionString;
        var checkpoints = app.CheckpointFile;
        app.Dispose();
        // A copy needs the source closed: SQLite's WAL folded into the file, PostgreSQL without a connection to the template.
        // The app's pool is keyed by the string it tuned (ADR 0064), not the one it was given.
        if (TestDatabase.IsPostgres) NpgsqlConnection.ClearPool(new NpgsqlConnection(PostgresConnection.Tuned(connectionString)));
        else
        {
            using var conn = new SqliteConnection(connectionString);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }
        return (connectionString, checkpoints);
    }
}
