namespace Lianxin.Web.Platform.Audit;

public static class AuditHash
{
    /// <summary>
    /// The previous hash and every stored field, signed under the entry's key version (<see cref="AuditKeys"/>).
    /// Version 0 keeps the content of the unkeyed chain exactly, so entries written before keys existed still verify;
    /// later versions also sign the version itself.
    /// </summary>
    public static string Compute(AuditEntry e, AuditKeys keys)
    {
        var content = string.Join('\u001f',
            e.PrevHash, e.Seq, e.TenantId.ToString("N"), e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff"),
            e.UserId?.ToString("N") ?? "", e.UserName, e.Entity, e.EntityId, e.Action.ToString(),
            e.Before ?? "", e.After ?? "", e.Ip ?? "");
        return keys.Sign(e.KeyVersion, e.KeyVersion == 0 ? content : $"v{e.KeyVersion}\u001f{content}");
    }

    /// <summary>PostgreSQL keeps microseconds; the hash must survive the round trip on both providers.</summary>
    public static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
