using System.Data.Common;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Privacy;

/// <summary>
/// A phone column kept encrypted (ADR 0030), with its keyed-hash column where it is searched. A module registers each as a
/// singleton (e.g. Members' mem_members.PhoneCipher with PhoneHash) so that the chores below reach it without naming the module.
/// </summary>
public sealed record EncryptedColumn(string Table, string Cipher, string? Hash = null);

/// <summary>
/// Chores over every registered <see cref="EncryptedColumn"/>, in raw SQL because they rewrite the storage of values, not
/// anyone's data (nothing to audit), outside any tenant's scope, a batch per transaction so an interrupted run is simply run again.
/// <list type="bullet">
/// <item><see cref="SealClearAsync"/>: migration 0045 (plain SQL holds no key) renamed each clear phone column to its cipher column
/// and marked every clear value <see cref="Marker"/>; after every migration the app encrypts the marked values and writes their
/// hashes, so no clear value survives the first start or <c>migrate</c>.</item>
/// <item><see cref="RekeyAsync"/>: <c>rekey-ids</c> rewrites them under the current key as it does citizen IDs (the hash stays).</item>
/// </list>
/// </summary>
public static class EncryptedColumns
{
    public const string Marker = "clear:";
    const int Batch = 500;

    public static Task<int> SealClearAsync(IServiceProvider services, CancellationToken ct = default) =>
        RewriteAsync(services, _ => $"LIKE '{Marker}%'", (pd, value) => pd.Seal(value[Marker.Length..]), ct);

    public static Task<int> RekeyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var prefix = services.GetRequiredService<PersonalData>().CurrentPrefix;
        return RewriteAsync(services, c => $"<> '' AND \"{c.Cipher}\" NOT LIKE '{prefix}%' AND \"{c.Cipher}\" NOT LIKE '{Marker}%'",
            (pd, value) => (pd.Reencrypt(value), null), ct);
    }

    /// <summary>Rows whose cipher matches <paramref name="where"/> get <paramref name="rewrite"/>'s cipher (and hash, when it gives one).</summary>
    static async Task<int> RewriteAsync(IServiceProvider services, Func<EncryptedColumn, string> where,
        Func<PersonalData, string, (string? Cipher, string? Hash)> rewrite, CancellationToken ct)
    {
        var columns = services.GetServices<EncryptedColumn>().ToList();
        PersonalData? pd = null;
        using var scope = services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<LianxinDb>().Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            var count = 0;
            foreach (var c in columns)
                while (true)
                {
                    var rows = await SelectAsync(connection, c, where(c), ct);
                    if (rows.Count == 0) break;
                    // Only now: a database with nothing to rewrite migrates without the keys configured.
                    pd ??= services.GetRequiredService<PersonalData>();
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    foreach (var (id, value) in rows)
                    {
                        var (cipher, hash) = rewrite(pd, value);
                        await using var cmd = connection.CreateCommand();
                        cmd.Transaction = tx;
                        var setHash = c.Hash is not null && hash is not null;
                        cmd.CommandText = $"UPDATE {c.Table} SET \"{c.Cipher}\" = @c{(setHash ? $", \"{c.Hash}\" = @h" : "")} WHERE \"Id\" = @id";
                        // A blank clear value had nothing to keep: "" (some cipher columns are NOT NULL).
                        Add(cmd, "@c", cipher ?? "");
                        if (setHash) Add(cmd, "@h", hash);
                        Add(cmd, "@id", id);
                        await cmd.ExecuteNonQueryAsync(ct);
                    }
                    await tx.CommitAsync(ct);
                    count += rows.Count;
                }
            return count;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    static async Task<List<(object Id, string Value)>> SelectAsync(DbConnection connection, EncryptedColumn c, string where, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT \"Id\", \"{c.Cipher}\" FROM {c.Table} WHERE \"{c.Cipher}\" {where} LIMIT {Batch}";
        var rows = new List<(object, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetValue(0), reader.GetString(1)));
        return rows;
    }

    static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
