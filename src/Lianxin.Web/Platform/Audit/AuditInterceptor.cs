using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Web.Platform.Audit;

/// <summary>
/// The one place that writes the audit log. At each save it builds an <see cref="AuditEntry"/> for every changed row (and
/// takes the entries a use case wrote by hand) and keeps them with the save's transaction; when that transaction commits it
/// links them into the hash chain and inserts them, just before the COMMIT. So the chain is appended in commit order, and on
/// PostgreSQL the advisory lock per tenant that serialises the appends (ADR 0004) is held for the lock, the tail's read and
/// the insert only, not over the use case's later statements and CPU (ADR 0041: one district's writes ran one at a time).
/// A save without a transaction gets one opened here and committed after it, so its entries commit with its rows.
/// SQLite's transactions are IMMEDIATE: the writer lock already orders the appends. Entries are signed with the current
/// audit key (ADR 0029). One instance serves every context (its state lives on the context), so the context's options are
/// built once, not per request (ADR 0065).
/// </summary>
public class AuditInterceptor(TimeProvider clock, IHttpContextAccessor http, AuditKeys keys) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // SearchText is derived from columns the entry already shows (ADR 0036).
    static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SearchText"];
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    // Rows per INSERT: 16 parameters a row stays far below PostgreSQL's and SQLite's parameter limits.
    const int RowsPerInsert = 200;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is LianxinDb db) await CollectAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LianxinDb db) CollectAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is not LianxinDb db) return result;
        db.PendingAudit.Saved();
        if (db.AuditTransaction is { } owned) { await owned.CommitAsync(ct); await owned.DisposeAsync(); db.AuditTransaction = null; }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not LianxinDb db) return result;
        db.PendingAudit.Saved();
        if (db.AuditTransaction is { } owned) { owned.Commit(); owned.Dispose(); db.AuditTransaction = null; }
        return result;
    }

    // FailedTransaction: whatever the rollback does, the save's own exception is the one the caller sees (ADR 0040).
    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is not LianxinDb db) return;
        db.PendingAudit.Failed(db);
        await db.AbandonAuditTransactionAsync();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not LianxinDb db) return;
        db.PendingAudit.Failed(db);
        db.AbandonAuditTransaction();
    }

    // The entries are appended as the last statements of the transaction; a failure here fails the commit, so the
    // transaction's rows never commit without their entries.
    // When the COMMIT went in the same batch (PostgreSQL, ADR 0050), EF's own COMMIT is suppressed: the transaction is over.
    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken ct = default) =>
        eventData.Context is LianxinDb db && await CommittingAsync(db, transaction, eventData.TransactionId, ct) ? InterceptionResult.Suppress() : result;

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        eventData.Context is LianxinDb db && CommittingAsync(db, transaction, eventData.TransactionId, CancellationToken.None).GetAwaiter().GetResult()
            ? InterceptionResult.Suppress() : result;

    /// <summary>
    /// The entries, then the statements left for the commit (<see cref="LianxinDb.AtCommit"/>, ADR 0044). On PostgreSQL the
    /// audit INSERT, those statements and the COMMIT itself go in one batch (ADR 0047, 0050): under the district's chain lock
    /// there are then two round trips (lock and tails; inserts, updates and COMMIT) and no wait for this process's CPU
    /// between the last statement and the COMMIT. Answers true when that batch committed the transaction.
    /// </summary>
    async Task<bool> CommittingAsync(LianxinDb db, DbTransaction transaction, Guid transactionId, CancellationToken ct)
    {
        var inserts = await AppendAsync(db, transaction, transactionId, ct);
        var work = db.CommitWork.Take(transactionId);
        if (inserts.Count + work.Count == 0) return false;
        if (!IsPostgres(transaction))
        {
            foreach (var insert in inserts) await db.Database.ExecuteSqlRawAsync(insert.Sql, insert.Parameters, ct);
            foreach (var statement in work)
                if (await db.Database.ExecuteSqlRawAsync(statement.Sql, statement.Parameters, ct) == 0) throw Refused(statement);
            return false;
        }
        await using var batch = new Npgsql.NpgsqlBatch((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), (Npgsql.NpgsqlTransaction)transaction);
        foreach (var statement in inserts)
            batch.BatchCommands.Add(Command(statement.Sql, statement));
        // The COMMIT follows in the same batch, so a left statement that changes no row must fail inside it (a division
        // by zero), which aborts the transaction before the COMMIT runs: nothing of it is kept, nor its entries.
        foreach (var statement in work)
            batch.BatchCommands.Add(Command($"WITH changed AS ({statement.Sql} RETURNING 1) SELECT 1 / COUNT(*) FROM changed", statement));
        batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("COMMIT"));
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DivisionByZero && work.Count > 0)
        {
            var i = e.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) - inserts.Count : -1;
            throw Refused(work[i >= 0 && i < work.Count ? i : 0], e);
        }
        return true;

        static Npgsql.NpgsqlBatchCommand Command(string sql, CommitStatement statement)
        {
            var command = new Npgsql.NpgsqlBatchCommand(string.Format(sql, statement.Parameters.Select(p => (object)("@" + p.ParameterName)).ToArray()));
            foreach (var p in statement.Parameters) command.Parameters.Add(p);
            return command;
        }
    }

    static InvalidOperationException Refused(CommitStatement statement, Exception? inner = null) =>
        new($"A statement left for the commit changed no row: {statement.Sql}", inner);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is LianxinDb db) Drop(db, eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is LianxinDb db) Drop(db, eventData.TransactionId);
    }

    static void Drop(LianxinDb db, Guid transactionId)
    {
        db.PendingAudit.Take(transactionId);
        db.CommitWork.Take(transactionId);
    }

    /// <summary>At a save: the entries of its changed rows and those written by hand, kept until the transaction commits.</summary>
    async Task CollectAsync(LianxinDb db, CancellationToken ct)
    {
        if (db.Scope.AuditSuppressed) return;
        db.ChangeTracker.DetectChanges();
        var now = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        // Written by hand (sign-ins, moves, imports): out of this save, into the transaction's list.
        var byHand = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash == "").ToList();
        var entries = new List<AuditEntry>(byHand.Select(e => e.Entity));
        foreach (var e in byHand) e.State = EntityState.Detached;
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or Events.OutboxEvent or Events.InboxEntry or Security.DataProtectionKeyRow) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changed)
        {
            var action = entry.State switch { EntityState.Added => AuditAction.Insert, EntityState.Deleted => AuditAction.Delete, _ => AuditAction.Update };
            var (before, after) = Values(entry, action);
            if (action == AuditAction.Update && after is null) continue;
            entries.Add(new AuditEntry
            {
                TenantId = TenantOf(entry, db),
                At = now,
                UserId = db.Scope.UserId,
                UserName = db.Scope.UserName,
                Entity = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString())),
                Action = action,
                Before = before,
                After = after,
                Ip = ip,
            });
        }
        if (entries.Count == 0) return;

        if (db.Database.CurrentTransaction is null) db.AuditTransaction = await db.Database.BeginTransactionAsync(ct);
        db.PendingAudit.Add(db.Database.CurrentTransaction!.TransactionId, entries, byHand.Select(e => e.Entity).ToList());
    }

    /// <summary>
    /// At the commit: lock the tenants' chains, read their tails, link the transaction's entries after them; answers the
    /// INSERTs that write them.
    /// </summary>
    async Task<List<CommitStatement>> AppendAsync(LianxinDb db, DbTransaction transaction, Guid transactionId, CancellationToken ct)
    {
        var pending = db.PendingAudit.Take(transactionId);
        if (pending.Count == 0) return [];
        var tails = IsPostgres(transaction)
            ? await LockedTailsAsync(db, transaction, pending.Select(e => e.TenantId).Distinct().ToList(), ct)
            : await TailsAsync(db, pending.Select(e => e.TenantId).Distinct(), ct);

        var now = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
        foreach (var group in pending.GroupBy(e => e.TenantId))
        {
            var (seq, prev) = tails.GetValueOrDefault(group.Key, (0L, ""));
            foreach (var e in group)
            {
                e.Seq = ++seq;
                e.PrevHash = prev;
                e.At = e.At == default ? now : AuditHash.Truncate(e.At);
                e.KeyVersion = keys.CurrentVersion;
                e.Hash = AuditHash.Compute(e, keys);
                prev = e.Hash;
            }
        }
        return pending.Chunk(RowsPerInsert).Select(rows => Insert(db, rows)).ToList();
    }

    /// <summary>SQLite: its IMMEDIATE transaction already holds the writer lock, so the tails cannot move under it.</summary>
    static async Task<Dictionary<Guid, (long, string)>> TailsAsync(LianxinDb db, IEnumerable<Guid> tenants, CancellationToken ct)
    {
        var tails = new Dictionary<Guid, (long, string)>();
        foreach (var tenant in tenants)
            if (await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.TenantId == tenant).OrderByDescending(e => e.Seq)
                    .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct) is { } tail)
                tails[tenant] = (tail.Seq, tail.Hash);
        return tails;
    }

    /// <summary>
    /// PostgreSQL: the tenants' advisory locks (in key order, so two transactions that touch the same tenants cannot
    /// deadlock) and then their tails, in one round trip (ADR 0044): the lock is held from here to the COMMIT, so each round
    /// trip under it is one every writer of the district waits for. Each statement of a batch takes its own snapshot when it
    /// starts (READ COMMITTED), after the locks before it are granted, so the reads see what the previous holder committed.
    /// </summary>
    static async Task<Dictionary<Guid, (long, string)>> LockedTailsAsync(LianxinDb db, DbTransaction transaction, List<Guid> tenants, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);
        var tail = $"SELECT {Column(nameof(AuditEntry.Seq))}, {Column(nameof(AuditEntry.Hash))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                   $"WHERE {Column(nameof(AuditEntry.TenantId))} = $1 ORDER BY {Column(nameof(AuditEntry.Seq))} DESC LIMIT 1";
        var keys = tenants.Select(LockKey).Distinct().Order().ToList();
        await using var batch = new Npgsql.NpgsqlBatch((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), (Npgsql.NpgsqlTransaction)transaction);
        foreach (var key in keys)
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, $2)") { Parameters = { new() { Value = LockClass }, new() { Value = key } } });
        foreach (var tenant in tenants)
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(tail) { Parameters = { new() { Value = tenant } } });
        var tails = new Dictionary<Guid, (long, string)>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var _ in keys) await reader.NextResultAsync(ct);
        foreach (var tenant in tenants)
        {
            if (await reader.ReadAsync(ct)) tails[tenant] = (reader.GetInt64(0), reader.GetString(1));
            await reader.NextResultAsync(ct);
        }
        return tails;
    }

    /// <summary>One multi-row INSERT through EF's own column names and type mappings (Guid as text on SQLite, enums as names).</summary>
    static CommitStatement Insert(LianxinDb db, AuditEntry[] rows)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>(rows.Length * columns.Count);
        var values = new List<string>(rows.Length);
        foreach (var row in rows)
        {
            var slots = new List<string>(columns.Count);
            foreach (var c in columns)
            {
                slots.Add("{" + parameters.Count + "}");
                parameters.Add(c.GetRelationalTypeMapping().CreateParameter(factory, "p" + parameters.Count, c.PropertyInfo!.GetValue(row), c.IsNullable));
            }
            values.Add("(" + string.Join(", ", slots) + ")");
        }
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        // Only identifiers from the model and parameter slots: no value is spliced into the text.
        return new("INSERT INTO " + sql.DelimitIdentifier(table.Name, table.Schema) + " (" + names + ") VALUES " + string.Join(", ", values), parameters);
    }

    /// <summary>The advisory lock space of audit chains; the second key is the tenant's.</summary>
    public const int LockClass = 7461235;

    /// <summary>A tenant's key in <see cref="LockClass"/>: two tenants sharing a key would only wait on each other, never break a chain.</summary>
    public static int LockKey(Guid tenantId)
    {
        Span<int> parts = stackalloc int[4];
        tenantId.TryWriteBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parts));
        return parts[0] ^ parts[1] ^ parts[2] ^ parts[3];
    }

    static Guid TenantOf(EntityEntry entry, LianxinDb db) =>
        entry.Metadata.FindProperty("TenantId") is { } p && entry.Property(p.Name).CurrentValue is Guid t && t != Guid.Empty ? t : db.Scope.TenantId;

    // The transaction's own type, not Database.IsNpgsql(), which asks the provider's assembly for its name on every call
    // (the ledger's profile: ≈ 1 % of a till operation's CPU, twice per commit). The batches below cast it to this type.
    static bool IsPostgres(DbTransaction transaction) => transaction is Npgsql.NpgsqlTransaction;

    static (string? Before, string? After) Values(EntityEntry entry, AuditAction action)
    {
        Dictionary<string, object?>? before = action == AuditAction.Insert ? null : new();
        Dictionary<string, object?>? after = action == AuditAction.Delete ? null : new();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Secret.Contains(name)) continue;
            if (action == AuditAction.Update && !p.IsModified) continue;
            if (action == AuditAction.Update && Equals(p.OriginalValue, p.CurrentValue)) continue;
            var personal = IsPersonal(p.Metadata.PropertyInfo);
            before?.Add(name, Shown(p.OriginalValue, personal, name));
            after?.Add(name, Shown(p.CurrentValue, personal, name));
        }
        if (action == AuditAction.Update && after!.Count == 0) return (null, null);
        return (before is null ? null : JsonSerializer.Serialize(before, Json), after is null ? null : JsonSerializer.Serialize(after, Json));
    }

    // Asked for every property of every saved row: the attribute lookup is reflection, so its answer is kept per property
    // (the profile of the ledger bench put it near 1 % of a till operation's CPU).
    static readonly ConcurrentDictionary<PropertyInfo, bool> Personal = new();

    static bool IsPersonal(PropertyInfo? info) => info is not null && Personal.GetOrAdd(info, static i => IsPersonalProperty(i));

    static bool IsPersonalProperty(PropertyInfo info) =>
        (info.GetCustomAttribute<PersonalDataAttribute>() is not null
                             || info.Name.Contains("Phone", StringComparison.Ordinal)
                             || info.Name.Contains("IdNumber", StringComparison.Ordinal)
                             || info.Name is "Email" or "NormalizedEmail");

    /// <summary>Masked personal values; an encrypted one (its cipher or keyed hash, ADR 0030) only says that it is set.</summary>
    static object? Shown(object? value, bool personal, string name) => !personal || value is null ? value
        : name.EndsWith("Cipher", StringComparison.Ordinal) || name.EndsWith("Hash", StringComparison.Ordinal) ? (value is "" ? "" : "（已加密）")
        : name.Contains("Phone", StringComparison.Ordinal) ? Mask.Phone(value.ToString())
        : name.Contains("IdNumber", StringComparison.Ordinal) ? Mask.IdNumber(value.ToString())
        : Mask.Other(value.ToString());
}
