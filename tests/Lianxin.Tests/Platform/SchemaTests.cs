using Lianxin.Web.Platform.Modules;
using Lianxin.Migrations;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

/// <summary>The hand-written migrations must build exactly the schema the EF model expects, on this run's provider.</summary>
public class SchemaTests
{
    [Fact]
    public async Task Migrated_schema_equals_the_EF_model()
    {
        await using var migrated = Open(TestDatabase.Create());
        await migrated.Database.OpenConnectionAsync();
        await MigrationRunner.ApplyAsync(migrated.Database.GetDbConnection(), TestDatabase.IsPostgres ? "Postgres" : "Sqlite");

        await using var expected = Open(TestDatabase.Create());
        await expected.Database.EnsureCreatedAsync(); // only here: the model itself, to compare against

        var want = await SchemaDump.DescribeAsync(expected);
        var got = await SchemaDump.DescribeAsync(migrated);
        Assert.NotEmpty(want);
        Assert.Equal(want, got);
    }

    [Fact]
    public async Task Migrations_apply_once()
    {
        await using var db = Open(TestDatabase.Create());
        await db.Database.OpenConnectionAsync();
        var provider = TestDatabase.IsPostgres ? "Postgres" : "Sqlite";
        var first = await MigrationRunner.ApplyAsync(db.Database.GetDbConnection(), provider);
        var second = await MigrationRunner.ApplyAsync(db.Database.GetDbConnection(), provider);
        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Two_instances_starting_together_apply_every_migration_exactly_once()
    {
        var cs = TestDatabase.Create();
        var provider = TestDatabase.IsPostgres ? "Postgres" : "Sqlite";
        await using var a = Open(cs);
        await using var b = Open(cs);
        await a.Database.OpenConnectionAsync();
        await b.Database.OpenConnectionAsync();
        // SQLite serves one writer, the embedded single instance: both start, the second finds nothing to do.
        var runs = TestDatabase.IsPostgres
            ? await Task.WhenAll(MigrationRunner.ApplyAsync(a.Database.GetDbConnection(), provider), MigrationRunner.ApplyAsync(b.Database.GetDbConnection(), provider))
            : [await MigrationRunner.ApplyAsync(a.Database.GetDbConnection(), provider), await MigrationRunner.ApplyAsync(b.Database.GetDbConnection(), provider)];

        Assert.Equal(MigrationRunner.Available(provider), runs.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Contains(runs, r => r.Count == 0); // the one that waited for the lock found them all applied
        var history = await a.Database.SqlQueryRaw<string>($"SELECT id AS \"Value\" FROM {MigrationRunner.HistoryTable}").ToListAsync();
        Assert.Equal(MigrationRunner.Available(provider), history.Order(StringComparer.Ordinal));
    }

    static LianxinDb Open(string cs)
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(cs); else b.UseSqlite(cs);
        return new LianxinDb(b.Options, new OrgScope(), new ModuleCatalog(Program.Modules));
    }
}
