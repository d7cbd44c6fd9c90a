using Lianxin.Web.Platform.Modules;
using System.Data.Common;
using System.Diagnostics;
using Lianxin.Migrations;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lianxin.Bench;

public sealed record TableLoad(string Table, int Rows, double Seconds);

public sealed record LoadReport(bool Reused, double GenerateSeconds, double MigrateSeconds, IReadOnlyList<TableLoad> Tables, double TotalSeconds)
{
    public int Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// The bench database: a fresh SQLite file or a fresh PostgreSQL database, migrated with the app's own
/// migrations and filled with a generated district by <see cref="BulkLoader"/>.
/// </summary>
public sealed class BenchDatabase
{
    public Provider Provider { get; }
    /// <summary>The connection string the app and the baseline use.</summary>
    public string ConnectionString { get; }
    public string Describe { get; }
    readonly BenchOptions options;

    public BenchDatabase(BenchOptions options, string resultsDir)
    {
        this.options = options;
        Provider = options.Provider;
        if (Provider == Provider.Sqlite)
        {
            var file = options.SqliteFile ?? Path.Combine(resultsDir, $"lianxin-bench-{options.SizeName.ToLowerInvariant()}.db");
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            Describe = $"SQLite {file}";
        }
        else
        {
            var b = new NpgsqlConnectionStringBuilder(options.PgConnection) { Database = options.PgDatabase };
            ConnectionString = b.ToString();
            Describe = $"PostgreSQL database {options.PgDatabase} on {b.Host}";
        }
    }

    public BenchOptions Options => options;

    public string AppProvider => Provider == Provider.Postgres ? "Postgres" : "Sqlite";

    public DbConnection Open()
    {
        DbConnection c = Provider == Provider.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        c.Open();
        if (Provider == Provider.Sqlite)
        {
            // What the app's SqliteConnectionSetup does to each of its connections: LIKE is case-sensitive, so a path
            // prefix is an index range on both sides.
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA case_sensitive_like = ON;";
            cmd.ExecuteNonQuery();
        }
        else
        {
            // The baselines prepare their statements; after five runs PostgreSQL may switch to a generic plan, which cannot
            // turn LIKE @pattern into an index range or pick a plan for the actual period. The app's EF commands are not
            // prepared and are planned for their values every time: give the baselines the same.
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SET plan_cache_mode = force_custom_plan";
            cmd.ExecuteNonQuery();
        }
        return c;
    }

    /// <summary>How an id is compared in raw SQL: EF stores Guids as upper-case TEXT on SQLite and as uuid on PostgreSQL.</summary>
    public object Id(Guid id) => Provider == Provider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>The bench user's display name: says which size the database holds.</summary>
    public string Marker => $"bench district {options.SizeName}";

    public async Task<LoadReport> PrepareAsync(CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        if (options.Reuse && await HoldsSizeAsync(ct))
            return new LoadReport(true, 0, 0, [], total.Elapsed.TotalSeconds);

        await RecreateAsync(ct);

        var sw = Stopwatch.StartNew();
        await using (var conn = Open())
        {
            if (Provider == Provider.Sqlite)
                await Exec(conn, "PRAGMA journal_mode=WAL;", ct);
            await MigrationRunner.ApplyAsync(conn, AppProvider, ct);
        }
        var migrate = sw.Elapsed.TotalSeconds;

        sw.Restart();
        var district = DistrictGenerator.Generate(options.Size);
        var generate = sw.Elapsed.TotalSeconds;

        await using var model = ModelContext();
        IReadOnlyList<TableLoad> tables;
        await using (var conn = Open())
        {
            tables = await BulkLoader.LoadAsync(model.Model, conn, Provider, district, ct);
            // The district is the tenant: Platform finds tenants in its own table (ADR 0016).
            var id = Provider == Provider.Postgres ? $"'{district.District.Id}'" : $"'{district.District.Id.ToString().ToUpperInvariant()}'";
            var now = Provider == Provider.Postgres ? "now()" : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
            await Exec(conn, $"INSERT INTO plt_tenants (\"Id\", \"Name\", \"CreatedAt\") VALUES ({id}, '{district.District.Name}', {now})", ct);
        }
        // The loader bypasses EF, so also the figures kept on SaveChanges (ADR 0026): computed from what it wrote, as rebuild-aggregates does.
        await using (var counted = ModelContext(district.District.TenantId))
        {
            await using var tx = await counted.Database.BeginTransactionAsync(ct);
            foreach (var aggregate in counted.Modules.Modules.SelectMany(m => m.Aggregates)) await aggregate.RebuildAsync(counted, ct);
            await tx.CommitAsync(ct);
        }
        return new LoadReport(false, generate, migrate, tables, total.Elapsed.TotalSeconds);
    }

    /// <summary>A context only for its model (column names and value conversions exactly as the app has them), or acting as a district's system.</summary>
    public LianxinDb ModelContext(Guid? tenant = null)
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (Provider == Provider.Postgres) b.UseNpgsql(ConnectionString);
        else b.UseSqlite(ConnectionString);
        return new LianxinDb(b.Options, tenant is { } t ? new OrgScope().AsSystem(t) : new OrgScope(), new ModuleCatalog(Program.Modules));
    }

    async Task RecreateAsync(CancellationToken ct)
    {
        if (Provider == Provider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return;
        }
        // The maintenance connection is the one given with --pg; the bench owns only its own database.
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(options.PgConnection);
        await admin.OpenAsync(ct);
        var name = Quoted(options.PgDatabase);
        await Exec(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
        await Exec(admin, $"CREATE DATABASE \"{name}\"", ct);
    }

    /// <summary>A reusable database holds the district of this size: its households are counted (cheap next to a reload).</summary>
    async Task<bool> HoldsSizeAsync(CancellationToken ct)
    {
        var s = options.Size;
        long expected = (long)s.Streets * s.CommunitiesPerStreet * s.GridsPerCommunity * s.CompoundsPerGrid * s.BuildingsPerCompound * s.HouseholdsPerBuilding;
        try
        {
            if (Provider == Provider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(ConnectionString).DataSource)) return false;
            await using var conn = Open();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                SELECT (SELECT COUNT(*) FROM org_households) * (SELECT COUNT(*) FROM org_units WHERE "Kind" = 'District' AND "ParentId" IS NULL)
                """;
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == expected;
        }
        catch (DbException)
        {
            return false; // no such database or table yet
        }
    }

    /// <summary>A copy of this PostgreSQL database, made from it as a template (every pooled connection closed first); answers its name.</summary>
    public async Task<string> CopyAsync(string suffix, CancellationToken ct)
    {
        var copy = $"{options.PgDatabase}_{suffix}";
        await DropCopyAsync(copy);
        await using var admin = new NpgsqlConnection(options.PgConnection);
        await admin.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                // FILE_COPY: the files copied under a checkpoint, not the whole database written through the WAL, whose
                // checkpoints would then run into the phase measured next.
                await Exec(admin, $"CREATE DATABASE \"{Quoted(copy)}\" TEMPLATE \"{Quoted(options.PgDatabase)}\" STRATEGY = FILE_COPY", ct);
                return copy;
            }
            // A job of the app's host opened a connection in between: PostgreSQL waits 5 s for it, then refuses.
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10) { }
        }
    }

    public async Task DropCopyAsync(string copy)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(options.PgConnection);
        await admin.OpenAsync();
        await Exec(admin, $"DROP DATABASE IF EXISTS \"{Quoted(copy)}\" WITH (FORCE)", CancellationToken.None);
    }

    static string Quoted(string name) => name.Replace("\"", "\"\"");

    static async Task Exec(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
