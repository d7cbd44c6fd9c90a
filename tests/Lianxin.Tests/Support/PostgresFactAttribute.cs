namespace Lianxin.Tests.Support;

/// <summary>A test of something only PostgreSQL does; on the SQLite run it is reported skipped, with the reason given.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string whyNotOnSqlite)
    {
        if (!TestDatabase.IsPostgres) Skip = whyNotOnSqlite;
    }
}
