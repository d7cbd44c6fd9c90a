using System.Reflection;
using System.Text.Json;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Web.Platform.Audit;

/// <summary>
/// The one place that writes the audit log: for every changed row it appends an <see cref="AuditEntry"/>
/// in the same transaction, then links all pending entries into the hash chain. When the caller has no
/// transaction it opens one first, so reading the chain's tail and appending to it cannot interleave
/// (SQLite's transactions are IMMEDIATE; on PostgreSQL an advisory lock per tenant serialises that tenant's
/// writers, so one district's chain never waits on another's). Entries are signed with the current audit key (ADR 0029).
/// </summary>
public class AuditInterceptor(TimeProvider clock, IHttpContextAccessor http, AuditKeys keys) : SaveChangesInterceptor
{
    // SearchText is derived from columns the entry already shows (ADR 0036).
    static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SearchText"];
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    IDbContextTransaction? owned;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is LianxinDb db) await AppendAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LianxinDb db) AppendAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (owned is not null) { await owned.CommitAsync(ct); await owned.DisposeAsync(); owned = null; }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (owned is not null) { owned.Commit(); owned.Dispose(); owned = null; }
        return result;
    }

    // FailedTransaction: whatever the rollback does, the save's own exception is the one the caller sees (ADR 0040).
    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (owned is { } tx) { owned = null; await FailedTransaction.EndAsync(tx); }
        if (eventData.Context is LianxinDb db) Unchain(db);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (owned is { } tx) { owned = null; FailedTransaction.End(tx); }
        if (eventData.Context is LianxinDb db) Unchain(db);
    }

    /// <summary>
    /// A lost update (version token) does not reach SaveChangesFailed, and EF's ThrowingConcurrencyException comes while
    /// PostgreSQL's reader is still open; so <see cref="LianxinDb"/> calls this once the exception is out. Without it the
    /// transaction opened here stayed open after the 409 (SQLite's write lock, PostgreSQL's chain lock) until the context
    /// was disposed, and the caller's next save committed inside it.
    /// </summary>
    public async Task AbandonAsync(LianxinDb db)
    {
        if (owned is { } tx) { owned = null; await FailedTransaction.EndAsync(tx); }
        Unchain(db);
    }

    async Task AppendAsync(LianxinDb db, CancellationToken ct)
    {
        if (db.Scope.AuditSuppressed) return;
        db.ChangeTracker.DetectChanges();
        var now = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or Events.OutboxEvent or Events.InboxEntry or Security.DataProtectionKeyRow) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changed)
        {
            var action = entry.State switch { EntityState.Added => AuditAction.Insert, EntityState.Deleted => AuditAction.Delete, _ => AuditAction.Update };
            var (before, after) = Values(entry, action);
            if (action == AuditAction.Update && after is null) continue;
            db.AuditEntries.Add(new AuditEntry
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

        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash == "").Select(e => e.Entity).ToList();
        if (pending.Count == 0) return;

        if (db.Database.CurrentTransaction is null)
        {
            owned = await db.Database.BeginTransactionAsync(ct);
            db.AuditOwner = this;
        }
        if (db.Database.IsNpgsql())
            // In key order, so two saves that touch the same tenants cannot deadlock.
            foreach (var key in pending.Select(e => LockKey(e.TenantId)).Distinct().Order())
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [LockClass, key], ct);

        foreach (var group in pending.GroupBy(e => e.TenantId))
        {
            var tail = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.TenantId == group.Key).OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
            long seq = tail?.Seq ?? 0;
            var prev = tail?.Hash ?? "";
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

    /// <summary>A failed save leaves its entries unsaved; clear their links so a retry chains them afresh.</summary>
    static void Unchain(LianxinDb db)
    {
        foreach (var e in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added))
        {
            e.Entity.Hash = "";
            e.Entity.PrevHash = "";
        }
    }

    static Guid TenantOf(EntityEntry entry, LianxinDb db) =>
        entry.Metadata.FindProperty("TenantId") is { } p && entry.Property(p.Name).CurrentValue is Guid t && t != Guid.Empty ? t : db.Scope.TenantId;

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

    static bool IsPersonal(PropertyInfo? info) =>
        info is not null && (info.GetCustomAttribute<PersonalDataAttribute>() is not null
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
