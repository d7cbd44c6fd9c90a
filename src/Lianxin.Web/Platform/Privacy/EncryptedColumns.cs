using System.Data.Common;
using System.Text.Json.Nodes;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Privacy;

/// <summary>
/// A phone column kept encrypted (ADR 0030), with its keyed-hash column where it is searched. A module registers each as a
/// singleton (e.g. Members' mem_members.PhoneCipher with PhoneHash) so that the chores below reach it without naming the module.
/// </summary>
public sealed record EncryptedColumn(string Table, string Cipher, string? Hash = null)
{
    /// <summary>How a migration names the column in <c>plt_pending_seals</c>.</summary>
    public string Name => $"{Table}.{Cipher}";
}

/// <summary>
/// A column a migration marked for sealing (<c>plt_pending_seals</c>): the row stays until a pass finds nothing marked in it,
/// so the start-up step reads this small table instead of scanning every phone column at every start (ADR 0030).
/// </summary>
public class PendingSeal
{
    public string Name { get; set; } = "";

    public static void Configure(ModelBuilder b) => b.Entity<PendingSeal>(e =>
    {
        e.ToTable("plt_pending_seals");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(130);
    });
}

/// <summary>
/// Chores over every registered <see cref="EncryptedColumn"/>, in raw SQL because they rewrite the storage of values, not
/// anyone's data (nothing to audit), outside any tenant's scope, a batch per transaction so an interrupted run is simply run again.
/// <list type="bullet">
/// <item><see cref="SealClearAsync"/>: migrations 0045 and 0050 (plain SQL holds no key) renamed each clear phone column to its
/// cipher column, marked every clear value <see cref="Marker"/> and named the column in <c>plt_pending_seals</c>; after every
/// migration the app encrypts the marked values of the named columns, writes their hashes and removes the names.</item>
/// <item><see cref="RekeyAsync"/>: <c>rekey-ids</c> rewrites them under the current key as it does citizen IDs (the hash stays).</item>
/// </list>
/// </summary>
public static class EncryptedColumns
{
    public const string Marker = "clear:";
    /// <summary>Stored outbox events whose <c>…PhoneCipher</c> properties a migration marked (0050: ProbationaryMemberAdmitted).</summary>
    public const string EventPayloads = "plt_events.Payload";
    const int Batch = 500;

    /// <summary>Seals what the migrations marked; nothing to read but <c>plt_pending_seals</c> once that is empty.</summary>
    public static async Task<int> SealClearAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var pending = await db.Set<PendingSeal>().AsNoTracking().Select(p => p.Name).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var columns = services.GetServices<EncryptedColumn>().ToDictionary(c => c.Name);
        if (pending.FirstOrDefault(n => n != EventPayloads && !columns.ContainsKey(n)) is { } unknown)
            throw new InvalidOperationException($"迁移标记了待加密的列 {unknown}，但没有模块登记它（EncryptedColumn）。");
        var count = 0;
        foreach (var name in pending)
        {
            count += name == EventPayloads
                ? await SealEventsAsync(services, ct)
                : await RewriteAsync(services, [columns[name]], _ => $"LIKE '{Marker}%'", (pd, value) => pd.Seal(value[Marker.Length..]), ct);
            // Only after a pass found nothing left: a start interrupted above leaves the name, and the next start goes on.
            await db.Set<PendingSeal>().Where(p => p.Name == name).ExecuteDeleteAsync(ct);
        }
        return count;
    }

    public static Task<int> RekeyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var prefix = services.GetRequiredService<PersonalData>().CurrentPrefix;
        return RewriteAsync(services, services.GetServices<EncryptedColumn>().ToList(),
            c => $"<> '' AND \"{c.Cipher}\" NOT LIKE '{prefix}%' AND \"{c.Cipher}\" NOT LIKE '{Marker}%'",
            (pd, value) => (pd.Reencrypt(value), null), ct);
    }

    /// <summary>Rows whose cipher matches <paramref name="where"/> get <paramref name="rewrite"/>'s cipher (and hash, when it gives one).</summary>
    static async Task<int> RewriteAsync(IServiceProvider services, IReadOnlyList<EncryptedColumn> columns, Func<EncryptedColumn, string> where,
        Func<PersonalData, string, (string? Cipher, string? Hash)> rewrite, CancellationToken ct)
    {
        PersonalData? pd = null;
        return await WithConnectionAsync(services, async connection =>
        {
            var count = 0;
            foreach (var c in columns)
                while (true)
                {
                    var rows = await SelectAsync(connection, $"SELECT \"Id\", \"{c.Cipher}\" FROM {c.Table} WHERE \"{c.Cipher}\" {where(c)} LIMIT {Batch}", null, ct);
                    if (rows.Count == 0) break;
                    // Only now: a database with nothing to rewrite migrates without the keys configured.
                    pd ??= services.GetRequiredService<PersonalData>();
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    foreach (var (id, value) in rows)
                    {
                        var (cipher, hash) = rewrite(pd, value);
                        var setHash = c.Hash is not null && hash is not null;
                        // "" for a blank clear value: nothing to keep, and some cipher columns are NOT NULL.
                        await UpdateAsync(connection, tx, $"UPDATE {c.Table} SET \"{c.Cipher}\" = @c{(setHash ? $", \"{c.Hash}\" = @h" : "")} WHERE \"Id\" = @id",
                            id, cipher ?? "", setHash ? hash : null, ct);
                    }
                    await tx.CommitAsync(ct);
                    count += rows.Count;
                }
            return count;
        }, ct);
    }

    /// <summary>
    /// Outbox payloads with a marked <c>…Cipher</c> property get the sealed phone instead (JSON null for a blank). Walked in id
    /// order once, since other text of a payload may read "clear:" too.
    /// </summary>
    static Task<int> SealEventsAsync(IServiceProvider services, CancellationToken ct) => WithConnectionAsync(services, async connection =>
    {
        var count = 0;
        object? after = null;
        PersonalData? pd = null;
        while (true)
        {
            var rows = await SelectAsync(connection, $"SELECT \"Id\", \"Payload\" FROM plt_events WHERE \"Payload\" LIKE '%{Marker}%'"
                + (after is null ? "" : " AND \"Id\" > @after") + $" ORDER BY \"Id\" LIMIT {Batch}", after, ct);
            if (rows.Count == 0) return count;
            after = rows[^1].Id;
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var (id, payload) in rows)
            {
                if (JsonNode.Parse(payload) is not JsonObject json) continue;
                var marked = json.Where(p => p.Key.EndsWith("Cipher", StringComparison.Ordinal) && p.Value is JsonValue v
                    && v.TryGetValue<string>(out var s) && s.StartsWith(Marker, StringComparison.Ordinal)).Select(p => p.Key).ToList();
                if (marked.Count == 0) continue;
                pd ??= services.GetRequiredService<PersonalData>();
                foreach (var key in marked) json[key] = pd.Seal(json[key]!.GetValue<string>()[Marker.Length..]).Cipher;
                await UpdateAsync(connection, tx, "UPDATE plt_events SET \"Payload\" = @c WHERE \"Id\" = @id", id, json.ToJsonString(), null, ct);
                count++;
            }
            await tx.CommitAsync(ct);
        }
    }, ct);

    static async Task<int> WithConnectionAsync(IServiceProvider services, Func<DbConnection, Task<int>> work, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<LianxinDb>().Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try { return await work(connection); }
        finally { await connection.CloseAsync(); }
    }

    static async Task<List<(object Id, string Value)>> SelectAsync(DbConnection connection, string sql, object? after, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (after is not null) Add(cmd, "@after", after);
        var rows = new List<(object, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetValue(0), reader.GetString(1)));
        return rows;
    }

    static async Task UpdateAsync(DbConnection connection, DbTransaction tx, string sql, object id, string cipher, string? hash, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        Add(cmd, "@c", cipher);
        if (sql.Contains("@h", StringComparison.Ordinal)) Add(cmd, "@h", hash);
        Add(cmd, "@id", id);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
