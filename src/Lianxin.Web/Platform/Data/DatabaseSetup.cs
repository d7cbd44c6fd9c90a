using Lianxin.Migrations;
using Lianxin.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

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
        if (options.IsPostgres) options.ConnectionString = PostgresConnection.Tuned(options.ConnectionString);

        services.AddSingleton(options);
        services.AddSingleton<AuditInterceptor>();
        // The options are built once (ADR 0065): built per request, EF re-made and re-hashed them for every context, a few %
        // of the points bank's CPU. Everything here is the same for every context; the interceptors keep their state on it.
        services.AddDbContext<LianxinDb>((sp, o) =>
        {
            if (options.IsPostgres) o.UseNpgsql(options.ConnectionString);
            else o.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteConnectionSetup());
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        return services;
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
