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

    static LianxinDb Open(string cs)
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(cs); else b.UseSqlite(cs);
        return new LianxinDb(b.Options, new OrgScope(), new ModuleCatalog(Program.Modules));
    }
}
