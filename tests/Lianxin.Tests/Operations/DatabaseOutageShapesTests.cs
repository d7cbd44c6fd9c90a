using Lianxin.Web.Platform.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lianxin.Tests.Operations;

/// <summary>
/// The shapes in which a database outage reaches <see cref="DatabaseOutage"/> (ADR 0040): each one is a 503, while an
/// error the database raised on purpose (a unique key, a check) is not. In CI one request of a 20 s outage answered 500.
/// </summary>
public class DatabaseOutageShapesTests
{
    static readonly NpgsqlException Refused = new("Failed to connect to /tmp/lx/.s.PGSQL.5432", new System.Net.Sockets.SocketException(2));
    static PostgresException Pg(string state) => new("message", "FATAL", "FATAL", state);

    public static TheoryData<string, Exception> Outages => new()
    {
        { "the socket is gone", Refused },
        { "the server shuts down (57P01)", Pg("57P01") },
        { "the server is starting up (57P03)", Pg("57P03") },
        { "no connection slot left (53300)", Pg("53300") },
        { "connection failure (08006)", Pg("08006") },
        { "a save that lost its connection", new DbUpdateException("An error occurred while saving the entity changes.", Refused) },
        { "the execution strategy's transient wrapper", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Refused) },
        { "the retry limit", new RetryLimitExceededException("Maximum number of retries (6) exceeded", Pg("57P01")) },
        { "the strategy wrapping a save", new InvalidOperationException("transient", new DbUpdateException("save", Pg("57P03"))) },
        { "a transaction the broken connection ended", new InvalidOperationException("Transaction is already completed") { Source = "Npgsql" } },
        { "a task that waited on several queries", new AggregateException(new TimeoutException("other"), Refused) },
        { "SQLite busy past its timeout", new SqliteException("database is locked", 5) },
        { "SQLite cannot open the file", new SqliteException("unable to open database file", 14) },
    };

    public static TheoryData<string, Exception> Refusals => new()
    {
        { "a unique key", new DbUpdateException("save", Pg("23505")) },
        { "a check constraint", Pg("23514") },
        { "a syntax error", Pg("42601") },
        { "SQLite constraint", new DbUpdateException("save", new SqliteException("UNIQUE constraint failed", 19)) },
        { "an ordinary bug", new InvalidOperationException("Sequence contains no elements") },
        { "a completed transaction outside the driver", new InvalidOperationException("Transaction is already completed") },
        { "a disposed transaction without a database error", new ObjectDisposedException("NpgsqlTransaction") },
    };

    [Theory, MemberData(nameof(Outages))]
    public void A_database_that_cannot_be_reached_is_a_503(string shape, Exception e) => Assert.True(DatabaseOutage.IsUnavailable(e), shape);

    [Theory, MemberData(nameof(Refusals))]
    public void A_rule_the_database_enforced_or_a_bug_is_not(string shape, Exception e) => Assert.False(DatabaseOutage.IsUnavailable(e), shape);
}
