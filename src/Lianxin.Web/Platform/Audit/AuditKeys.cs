using System.Security.Cryptography;
using System.Text;
using Lianxin.Web.Platform.Security;

namespace Lianxin.Web.Platform.Audit;

/// <summary>
/// The keys of the audit chain (ADR 0029): entries and checkpoints carry an HMAC-SHA256 under a key that lives outside
/// the database, so whoever can write the tables cannot rebuild a chain that verifies. Keys carry a version so they can
/// rotate: every entry stores the version it was signed with, new entries use the current one, and old versions stay
/// configured for verifying. Version 0 is the unkeyed SHA-256 of the entries written before keys existed.
/// Configuration: <c>Audit:Keys:{version}</c> (base64, at least 32 bytes; version ≥ 1), <c>Audit:CurrentKeyVersion</c>
/// (default: the highest). Only demo mode falls back to a fixed development key (version 1).
/// </summary>
public class AuditKeys
{
    readonly IReadOnlyDictionary<int, byte[]> keys;

    public int CurrentVersion { get; }

    public AuditKeys(IReadOnlyDictionary<int, byte[]> keys, int currentVersion)
    {
        foreach (var (version, key) in keys)
        {
            if (version < 1) throw new ArgumentException("Audit:Keys 的版本号须为正整数（0 表示未加密钥的旧记录）。");
            if (key.Length < 32) throw new ArgumentException($"Audit:Keys:{version} 至少 32 字节（base64）。");
        }
        if (!keys.ContainsKey(currentVersion)) throw new ArgumentException($"Audit:CurrentKeyVersion 为 {currentVersion}，但没有配置该版本的审计密钥。");
        this.keys = keys;
        CurrentVersion = currentVersion;
    }

    public static AuditKeys FromConfiguration(IConfiguration config, bool demo)
    {
        var keys = VersionedKeys.Read(config, "Audit:Keys");
        if (keys.Count == 0)
        {
            if (!demo)
                throw new InvalidOperationException("缺少 Audit:Keys:1（base64，32 字节，放在数据库以外）。非演示环境必须配置审计链密钥。");
            // Development only: a fixed key so a demo chain survives restarts. Never used outside demo mode.
            return new AuditKeys(new Dictionary<int, byte[]> { [1] = SHA256.HashData("lianxin-demo-audit-key"u8) }, 1);
        }
        return new AuditKeys(keys, config.GetValue<int?>("Audit:CurrentKeyVersion") ?? keys.Keys.Max());
    }

    public bool Has(int version) => version == 0 || keys.ContainsKey(version);

    /// <summary>Lower-case hex: SHA-256 for version 0, else HMAC-SHA256 under that version's key.</summary>
    public string Sign(int version, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (version == 0) return Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!keys.TryGetValue(version, out var key))
            throw new InvalidOperationException($"缺少第 {version} 版审计密钥（Audit:Keys:{version}）。");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, bytes));
    }

    /// <summary>Constant-time comparison, so a forger learns nothing from how long a check took.</summary>
    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
