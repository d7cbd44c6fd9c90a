using System.Security.Cryptography;
using System.Text;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Modules.Demands.Open311.Domain;

/// <summary>
/// A civic application allowed to file and read a street's demands through Open311 GeoReport v2.
/// The API key itself is never stored: only its SHA-256 (the key is 160 random bits, so a plain hash suffices)
/// and its first characters, so staff can tell keys apart.
/// </summary>
public class Open311Client : Entity, IOrgScoped
{
    public Guid StreetId { get; set; }
    /// <summary>The street's path: its staff manage the client; the client reads the street's demands.</summary>
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string Contact { get; set; } = "";
    /// <summary>Kept out of the audit log like a password hash.</summary>
    [PersonalData] public string KeyHash { get; set; } = "";
    public string KeyPrefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    /// <summary>Telemetry, written without the audit log (see <see cref="Features.Open311Keys"/>).</summary>
    public DateTime? LastUsedAt { get; set; }

    public bool Revoked => RevokedAt is not null;
}

/// <summary>
/// What Open311 adds to a demand it filed: the client, the point on the map and a media link the demand itself
/// has no field for, and the client's Idempotency-Key (a retry answers the first request).
/// </summary>
public class Open311Request : Entity, IOrgScoped
{
    public Guid DemandId { get; set; }
    public Guid ClientId { get; set; }
    /// <summary>The demand's path, so the row follows the demand's scope.</summary>
    public string OrgPath { get; set; } = "";
    public double? Lat { get; set; }
    public double? Long { get; set; }
    public string? MediaUrl { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>API keys: random, shown once, stored as a hash.</summary>
public static class ApiKey
{
    public const string Prefix = "lx311_";
    const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New()
    {
        Span<char> tail = stackalloc char[32];
        for (var i = 0; i < tail.Length; i++) tail[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Prefix + new string(tail);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Shown(string key) => key.Length <= 10 ? key : key[..10] + "…";
}

/// <summary>How demand states read in Open311: only open or closed.</summary>
public static class Open311Status
{
    /// <summary>Resolved counts as closed: the work is done, only the resident's rating is outstanding.</summary>
    public static readonly DemandState[] Closed = [DemandState.Resolved, DemandState.Closed, DemandState.Rejected, DemandState.Merged];

    public static string Of(DemandState s) => Closed.Contains(s) ? "closed" : "open";
}
