namespace Lianxin.Web.Platform.Data;

/// <summary>Bound from the "Database" section. Provider "Sqlite" (default, a file under data/) or "Postgres".</summary>
public class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
                              || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The migration folder name: "Sqlite" or "Postgres".</summary>
    public string MigrationSet => IsPostgres ? "Postgres" : "Sqlite";
}
