using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Platform.Audit;

/// <summary>Bound from "Audit" (ADR 0029).</summary>
public class AuditOptions
{
    /// <summary>The append-only checkpoint file, outside the data directory and not writable by the database's user. Unset: the application log only.</summary>
    public string? CheckpointFile { get; set; }
    /// <summary>A checkpoint at least this often, even when nothing was appended (its time says the head was there then).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>And sooner, once this many entries were appended since the last one.</summary>
    public int CheckpointEveryEntries { get; set; } = 1000;
}

/// <summary>
/// A signed statement about a tenant's chain: <see cref="Kind"/> <c>checkpoint</c> = at <see cref="At"/> the head was entry
/// <see cref="Seq"/> with hash <see cref="Head"/>; <c>restore</c> = a restore from a backup set the head back to it, so
/// checkpoints written earlier for later entries describe entries the restore legitimately took away.
/// </summary>
public record AuditCheckpoint(string Kind, Guid TenantId, long Seq, string Head, DateTime At, int KeyVersion, string Mac)
{
    public const string Periodic = "checkpoint", Restore = "restore";

    public string Content => $"{Kind}|{TenantId:N}|{Seq}|{Head}|{At:yyyy-MM-ddTHH:mm:ss.fffffffZ}|{KeyVersion}";
}

/// <summary>
/// Writes checkpoints as JSON lines to the append-only file (<see cref="AuditOptions.CheckpointFile"/>) and the application
/// log, and reads a tenant's back for verifying. The file is opened only to append; making it append-only for the
/// operating system (chattr +a, another owner) is the operator's part (ADR 0029).
/// </summary>
public class AuditCheckpoints(AuditOptions options, AuditKeys keys, ILogger<AuditCheckpoints> log)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly SemaphoreSlim write = new(1, 1);
    // Without a file, the last one written by this process, so the job does not log one every pass.
    readonly ConcurrentDictionary<Guid, AuditCheckpoint> lastWritten = new();

    public bool HasFile => !string.IsNullOrWhiteSpace(options.CheckpointFile);

    public AuditCheckpoint Sign(string kind, Guid tenantId, long seq, string head, DateTime at)
    {
        var unsigned = new AuditCheckpoint(kind, tenantId, seq, head, AuditHash.Truncate(at), keys.CurrentVersion, "");
        return unsigned with { Mac = keys.Sign(keys.CurrentVersion, unsigned.Content) };
    }

    /// <summary>False when the key version is not configured or the signature does not hold.</summary>
    public bool Valid(AuditCheckpoint c) => c.KeyVersion >= 1 && keys.Has(c.KeyVersion) && AuditKeys.Same(keys.Sign(c.KeyVersion, c.Content), c.Mac);

    public bool CanCheck(AuditCheckpoint c) => c.KeyVersion >= 1 && keys.Has(c.KeyVersion);

    public async Task AppendAsync(AuditCheckpoint c, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(c, Json);
        log.LogInformation("Audit {Kind} tenant {Tenant} seq {Seq} head {Head} at {At}: {Line}", c.Kind, c.TenantId, c.Seq, c.Head, c.At, line);
        lastWritten[c.TenantId] = c;
        if (!HasFile) return;
        await write.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.CheckpointFile!))!);
            // Append only: this process never opens the file to rewrite it. One write per line, flushed to disk.
            await using var file = new FileStream(options.CheckpointFile!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            write.Release();
        }
    }

    /// <summary>The tenant's checkpoints in the order they were written (lines that are not checkpoints are logged and passed over).</summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> ReadAsync(Guid tenantId, CancellationToken ct)
    {
        if (!HasFile || !File.Exists(options.CheckpointFile)) return [];
        var list = new List<AuditCheckpoint>();
        var number = 0;
        await using var stream = new FileStream(options.CheckpointFile!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            AuditCheckpoint? c = null;
            try { c = JsonSerializer.Deserialize<AuditCheckpoint>(line, Json); }
            catch (JsonException) { }
            if (c is null) { log.LogWarning("Audit checkpoint file line {Line} is not a checkpoint", number); continue; }
            if (c.TenantId == tenantId) list.Add(c);
        }
        return list;
    }

    /// <summary>The last valid checkpoint of the tenant: from the file, or without one, the last this process wrote.</summary>
    public async Task<AuditCheckpoint?> LastAsync(Guid tenantId, CancellationToken ct) => HasFile
        ? (await ReadAsync(tenantId, ct)).LastOrDefault(Valid)
        : lastWritten.GetValueOrDefault(tenantId);

    public static string Describe(AuditCheckpoint c) => $"{ChinaTime.Format(c.At)} 的{(c.Kind == AuditCheckpoint.Restore ? "恢复记录" : "检查点")}";
}
