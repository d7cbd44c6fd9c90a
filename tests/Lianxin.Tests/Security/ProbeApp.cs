using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Security;

/// <summary>
/// The app on its own demo database: the permission matrix sends writes that some roles may make, and the bad-input walk
/// counts every row before and after; neither may change, or be disturbed by, what the shared demo database's tests read.
/// </summary>
public class ProbeApp : LianxinApp
{
    /// <summary>Rows in every table of the EF model, one query; a refused request changes none of them.</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var tables = WithDb(db => db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList());
        return await OnConnectionAsync(async cmd =>
        {
            cmd.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
            var counts = new Dictionary<string, long>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
            return counts;
        });
    }

    /// <summary>One id from a query with <c>@path</c> (a scope root), or null when the demo has no such record.</summary>
    public Task<string?> IdAsync(string sql, string path) => OnConnectionAsync(async cmd =>
    {
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "path";
        p.Value = path;
        cmd.Parameters.Add(p);
        return (await cmd.ExecuteScalarAsync())?.ToString()?.ToLowerInvariant();
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

/// <summary>
/// The two walks over every operation send about 13,000 requests: on a machine shared by many builds they took 15 minutes
/// each, and the matrix's choice of "the first record of the community" is not yet the same record in every run (ids are
/// new per database). Until both are fixed they run on demand: <c>LIANXIN_PROBES=1</c> (ADR 0028).
/// </summary>
public sealed class ProbeFactAttribute : FactAttribute
{
    public ProbeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LIANXIN_PROBES") != "1")
            Skip = "Runs with LIANXIN_PROBES=1 (ADR 0028): too slow for every run yet.";
    }
}
