using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Security;

/// <summary>
/// The app on its own demo database: the permission matrix sends writes that some roles may make, and the bad-input walk
/// counts every row before and after; neither may change, or be disturbed by, what the shared demo database's tests read.
/// </summary>
public class ProbeApp : LianxinApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Thousands of refusals: a log line each (security log, request log) costs more than the request on a busy machine.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Rows in every table of the EF model, one query; a refused request changes none of them.</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var tables = WithDb(db => db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList());
        // A refused request is logged on purpose (AccessDenied, SignInFailed entries; the sign-in throttle's counter):
        // only entries recording a change of data count as rows a bad request changed.
        string Count(string t) => t switch
        {
            "aud_entries" => "SELECT 'aud_entries', COUNT(*) FROM \"aud_entries\" WHERE \"Action\" IN ('Insert', 'Update', 'Delete')",
            "sec_sign_in_failures" => "SELECT 'sec_sign_in_failures', 0",
            _ => $"SELECT '{t}', COUNT(*) FROM \"{t}\"",
        };
        return await OnConnectionAsync(async cmd =>
        {
            cmd.CommandText = string.Join(" UNION ALL ", tables.Select(Count));
            var counts = new Dictionary<string, long>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
            return counts;
        });
    }

    /// <summary>One id from a query with <c>@path</c> (a scope root), or null when the demo has no such record.</summary>
    public async Task<string?> IdAsync(string sql, string path) => (await RowsAsync(sql, path)).FirstOrDefault()?[0]?.ToString()?.ToLowerInvariant();

    /// <summary>Every row of a query with <c>@path</c>, as read.</summary>
    public Task<List<object?[]>> RowsAsync(string sql, string path) => OnConnectionAsync(async cmd =>
    {
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "path";
        p.Value = path;
        cmd.Parameters.Add(p);
        var rows = new List<object?[]>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    });

    async Task<T> OnConnectionAsync<T>(Func<System.Data.Common.DbCommand, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        var conn = scope.ServiceProvider.GetRequiredService<LianxinDb>().Database.GetDbConnection();
        await conn.OpenAsync();
        try
        {
            await using var cmd = conn.CreateCommand();
            return await query(cmd);
        }
        finally { await conn.CloseAsync(); }
    }
}

[CollectionDefinition(Name)]
public class ProbeCollection : ICollectionFixture<ProbeApp>
{
    public const string Name = "probes";
}
