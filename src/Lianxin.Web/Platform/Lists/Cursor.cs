using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lianxin.Web.Platform.Lists;

/// <summary>
/// Where a keyset page starts (ADR 0036): the sort keys of the row next to it and the direction (<see cref="Back"/> for the
/// previous page). Sent as an opaque base64url string with a checksum over the list's name, so that a cursor edited by
/// hand, cut short or taken from another list is a 400 instead of a wrong page. The checksum is not a secret: a forged
/// cursor can only choose where a page of the caller's own scope starts.
/// </summary>
public sealed record Cursor(bool Back, string[] Keys)
{
    const byte Version = 1;
    const int CheckBytes = 8;

    public static readonly Failure Invalid = Failure.Invalid("cursor", "分页游标无效（可能被改动或已过期），请回到第一页重新查看。");

    public string Encode(string list)
    {
        var body = Body(Back, Keys);
        var bytes = new byte[body.Length + CheckBytes];
        body.CopyTo(bytes, 0);
        Check(list, body).CopyTo(bytes, body.Length);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The cursor when <paramref name="text"/> is one this list issued with <paramref name="keys"/> sort keys; null otherwise.</summary>
    public static Cursor? Decode(string list, string text, int keys)
    {
        if (text.Length > 2000) return null;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return null; }
        if (bytes.Length < 2 + CheckBytes) return null;
        var body = bytes.AsSpan(0, bytes.Length - CheckBytes);
        if (!CryptographicOperations.FixedTimeEquals(Check(list, body), bytes.AsSpan(body.Length)) || body[0] != Version || body[1] > 1) return null;
        try
        {
            var values = JsonSerializer.Deserialize<string[]>(body[2..]);
            return values is { Length: var n } && n == keys && values.All(v => v is not null) ? new Cursor(body[1] == 1, values) : null;
        }
        catch (JsonException) { return null; }
    }

    static byte[] Body(bool back, string[] keys) => [Version, back ? (byte)1 : (byte)0, .. JsonSerializer.SerializeToUtf8Bytes(keys)];

    static byte[] Check(string list, ReadOnlySpan<byte> body) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes("lianxin-cursor:" + list + ":"), .. body])[..CheckBytes];
}
