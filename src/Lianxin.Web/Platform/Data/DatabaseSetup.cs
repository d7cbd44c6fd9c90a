using Lianxin.Migrations;
using Lianxin.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lianxin.Web.Platform.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddLianxinDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= config.GetConnectionString("Lianxin");
        if (!options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var dataDir = Path.Combine(FindRepoRoot(contentRoot), "data");
            Directory.CreateDirectory(dataDir);
            options.ConnectionString = $"Data Source={Path.Combine(dataDir, "lianxin.db")}";
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("PostgreSQL 需要连接字符串：设置 ConnectionStrings__Lianxin 或 Database__ConnectionString。");

        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<LianxinDb>((sp, o) =>
        {
            if (options.IsPostgres) o.UseNpgsql(Prepared(options.ConnectionString, options.MaxAutoPrepare));
            else o.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteConnectionSetup());
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    /// <summary>
    /// Npgsql prepares the statements a connection sends often (issue 15, ADR 0051): PostgreSQL then skips parsing them, and
    /// the app sends fewer messages per statement. Prepared statements would get PostgreSQL's generic plan after five runs, which
    /// cannot turn the scope filter's CASE or a path prefix into an index range for the values bound, so every session plans
    /// each run for its values (<c>plan_cache_mode = force_custom_plan</c>, as the app did when nothing was prepared).
    /// 0 in <c>Database:MaxAutoPrepare</c> turns preparation off; values the connection string sets itself are kept.
    /// </summary>
    internal static string Prepared(string connectionString, int maxAutoPrepare)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (maxAutoPrepare <= 0 || b.MaxAutoPrepare > 0) return connectionString;
        b.MaxAutoPrepare = maxAutoPrepare;
        b.AutoPrepareMinUsages = 2;
        if (b.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
            b.Options = $"{b.Options} -c plan_cache_mode=force_custom_plan".Trim();
        return b.ConnectionString;
    }

    /// <summary>Applies pending migrations and their data steps; SQLite also gets WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            if (!options.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await MigrationRunner.ApplyAsync(connection, options.MigrationSet, ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
        // What SQL cannot do: encrypt the clear values a migration marked (0045's phones, ADR 0030).
        await Privacy.EncryptedColumns.SealClearAsync(services, ct);
    }

    /// <summary>data/ sits at the top of the checkout, beside README, whichever project runs.</summary>
    static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lianxin.slnx"))) return dir.FullName;
        return start;
    }
}
