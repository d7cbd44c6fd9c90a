using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Web.Platform.Audit;

public static class AuditHash
{
    /// <summary>SHA-256 of the previous hash and every stored field, as lower-case hex.</summary>
    public static string Compute(AuditEntry e)
    {
        var content = string.Join('\u001f',
            e.PrevHash, e.Seq, e.TenantId.ToString("N"), e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff"),
            e.UserId?.ToString("N") ?? "", e.UserName, e.Entity, e.EntityId, e.Action.ToString(),
            e.Before ?? "", e.After ?? "", e.Ip ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>PostgreSQL keeps microseconds; the hash must survive the round trip on both providers.</summary>
    public static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
