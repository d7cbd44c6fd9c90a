using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lianxin.Tests.Operations;

/// <summary>
/// A transaction PostgreSQL ends because of another one (deadlock, serialization failure) wrote nothing and can be sent again:
/// the caller hears 409 in Chinese, not 500 (ADR 0062).
/// </summary>
[Collection(AppCollection.Name)]
public class DatabaseConflictTests(LianxinApp app)
{
    static PostgresException Pg(string state) => new("message", "ERROR", "ERROR", state);

    public static TheoryData<string, Exception> Conflicts => new()
    {
        { "a deadlock (40P01)", Pg("40P01") },
        { "a serialization failure (40001)", Pg("40001") },
        { "a save that deadlocked", new DbUpdateException("An error occurred while saving the entity changes.", Pg("40P01")) },
        { "the execution strategy's wrapper", new InvalidOperationException("transient", new DbUpdateException("save", Pg("40001"))) },
        { "a task that waited on several", new AggregateException(new TimeoutException("other"), Pg("40P01")) },
    };

    public static TheoryData<string, Exception> Others => new()
    {
        { "a unique key", new DbUpdateException("save", Pg("23505")) },
        { "the server shutting down (an outage, 503)", Pg("57P01") },
        { "a lost update (EF's own 409)", new DbUpdateConcurrencyException("stale") },
        { "SQLite busy (an outage, 503)", new SqliteException("database is locked", 5) },
        { "an ordinary bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory, MemberData(nameof(Conflicts))]
    public void A_deadlock_or_serialization_failure_is_a_conflict(string shape, Exception e) => Assert.True(DatabaseConflict.Is(e), shape);

    [Theory, MemberData(nameof(Others))]
    public void Other_errors_are_not(string shape, Exception e) => Assert.False(DatabaseConflict.Is(e), shape);

    [PostgresFact("SQLite has one writer: a second writer waits for the lock and, past its timeout, answers 503 (DatabaseOutage); it never deadlocks")]
    public async Task A_rename_that_deadlocks_with_another_transaction_answers_409_in_Chinese_and_changes_nothing()
    {
        var api = await app.ApiAs("street");
        var unit = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委"));
        await using var other = new NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        // Only the request's side looks for the deadlock, so that it is the request PostgreSQL ends.
        await Sql(other, "SET LOCAL deadlock_timeout = '60s'");
        // The other transaction holds the district's org version row, which every write to org_units bumps (ADR 0061).
        Assert.Equal(1, await Sql(other, "UPDATE org_tree_versions SET \"Version\" = \"Version\" WHERE \"TenantId\" = @p", unit.TenantId));

        // The rename updates the unit's row, then waits for the version row.
        var rename = EditUnitRequest.From(unit);
        rename.Name = "死锁测试社区党委";
        var renaming = api.PutAsJsonAsync($"/api/v1/org/units/{unit.Id}", rename);
        await WaitUntilSomeoneWaitsForUsAsync(other);
        // Now the other transaction wants the unit's row: each waits for the other.
        var touching = Sql(other, "UPDATE org_units SET \"Name\" = \"Name\" WHERE \"Id\" = @p", unit.Id);

        var answer = await renaming;
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DatabaseConflict.Message, problem.GetProperty("detail").GetString());
        Assert.Equal("操作与当前状态冲突", problem.GetProperty("title").GetString());
        Assert.Equal(1, await touching);
        await tx.RollbackAsync();

        var after = app.WithDb(db => db.OrgUnits.AsNoTracking().First(u => u.Id == unit.Id));
        Assert.Equal((unit.Name, unit.ShortName, unit.Version), (after.Name, after.ShortName, after.Version));
        // Sent again, it goes through.
        var again = await api.PutAsJsonAsync($"/api/v1/org/units/{unit.Id}", rename);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        rename.Name = unit.Name;
        rename.Version = app.WithDb(db => db.OrgUnits.AsNoTracking().First(u => u.Id == unit.Id).Version);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/org/units/{unit.Id}", rename)).StatusCode);
    }

    static async Task<int> Sql(NpgsqlConnection conn, string sql, object? p = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (p is not null) cmd.Parameters.AddWithValue("p", p);
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Asks the server, round trip after round trip, until a backend waits for a lock this connection's transaction holds (no
    /// sleeping; gives up after 20 s). Only waits on this transaction count: other tests' databases share the cluster. (pg_locks,
    /// not pg_stat_activity, whose rows a transaction reads once.)
    /// </summary>
    static async Task WaitUntilSomeoneWaitsForUsAsync(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid)))", conn);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(bool)(await cmd.ExecuteScalarAsync())!)
            Assert.True(DateTime.UtcNow < deadline, "the rename never waited for the version row");
    }
}
