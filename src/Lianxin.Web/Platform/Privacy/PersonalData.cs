using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lianxin.Web.Platform.Security;

namespace Lianxin.Web.Platform.Privacy;

/// <summary>
/// Personal values stored encrypted (AES-GCM, a fresh nonce each time) and found by exact value through
/// an HMAC-SHA256 keyed hash, so the database alone reveals neither (ARCHITECTURE: personal data, PIPL art. 51).
/// Encryption keys carry a version so they can rotate: a stored value reads <c>v2:base64</c>, and a value without a
/// prefix (written before versions existed) is version 1. New values use the current version; old ones stay readable
/// while their key is configured, until <c>rekey-ids</c> rewrites them. The hash key does not rotate (searches depend on it).
/// Configuration: <c>Privacy:EncryptionKeys:{version}</c> (base64, 16/24/32 bytes), <c>Privacy:CurrentKeyVersion</c>
/// (default: the highest), <c>Privacy:HashKey</c>; the older single <c>Privacy:EncryptionKey</c> is version 1.
/// Only demo mode falls back to a fixed development key.
/// </summary>
public class PersonalData
{
    readonly IReadOnlyDictionary<int, byte[]> encryptionKeys;
    readonly byte[] hashKey;

    public int CurrentVersion { get; }

    public PersonalData(byte[] encryptionKey, byte[] hashKey) : this(new Dictionary<int, byte[]> { [1] = encryptionKey }, 1, hashKey) { }

    public PersonalData(IReadOnlyDictionary<int, byte[]> encryptionKeys, int currentVersion, byte[] hashKey)
    {
        foreach (var (version, key) in encryptionKeys)
        {
            if (version < 1) throw new ArgumentException("Privacy:EncryptionKeys 的版本号须为正整数。");
            if (key.Length is not (16 or 24 or 32)) throw new ArgumentException($"Privacy:EncryptionKeys:{version} 须为 16、24 或 32 字节（base64）。");
        }
        if (!encryptionKeys.ContainsKey(currentVersion)) throw new ArgumentException($"Privacy:CurrentKeyVersion 为 {currentVersion}，但没有配置该版本的加密密钥。");
        if (hashKey.Length < 16) throw new ArgumentException("Privacy:HashKey 至少 16 字节（base64）。");
        this.encryptionKeys = encryptionKeys;
        CurrentVersion = currentVersion;
        this.hashKey = hashKey;
    }

    public static PersonalData FromConfiguration(IConfiguration config, bool demo)
    {
        var keys = VersionedKeys.Read(config, "Privacy:EncryptionKeys");
        if (config["Privacy:EncryptionKey"] is { Length: > 0 } legacy) keys.TryAdd(1, Convert.FromBase64String(legacy));
        var hash = config["Privacy:HashKey"];
        if (keys.Count == 0 || string.IsNullOrWhiteSpace(hash))
        {
            if (!demo)
                throw new InvalidOperationException("缺少 Privacy:EncryptionKeys（或 Privacy:EncryptionKey）或 Privacy:HashKey（base64，32 字节）。非演示环境必须配置个人信息加密密钥。");
            // Development only: a fixed key so a demo database survives restarts. Never used outside demo mode.
            return new PersonalData(SHA256.HashData("lianxin-demo-encryption-key"u8), SHA256.HashData("lianxin-demo-hash-key"u8));
        }
        var current = config.GetValue<int?>("Privacy:CurrentKeyVersion") ?? keys.Keys.Max();
        return new PersonalData(keys, current, Convert.FromBase64String(hash));
    }

    /// <summary>Same normal form for storing and for searching: trimmed, upper case (the X of an ID number).</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The key version a stored value was written with (1 for values from before versions).</summary>
    public static int VersionOf(string stored) => Split(stored).Version;

    /// <summary>Base64 never holds a colon, so one marks the version prefix.</summary>
    static (int Version, string Body) Split(string stored)
    {
        var colon = stored.IndexOf(':');
        if (colon < 0) return (1, stored);
        if (stored[0] != 'v' || !int.TryParse(stored.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            throw new FormatException("无法识别的加密值格式。");
        return (v, stored[(colon + 1)..]);
    }

    public bool IsCurrent(string stored) => VersionOf(stored) == CurrentVersion;

    /// <summary>The prefix every value written with the current key starts with (a query finds the rest by it).</summary>
    public string CurrentPrefix => $"v{CurrentVersion}:";

    public string Encrypt(string value) => EncryptExact(Normalize(value));

    /// <summary>As <see cref="Encrypt"/> without the normal form, for text that must come back exactly (key material, ADR 0038).</summary>
    public string EncryptExact(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(encryptionKeys[CurrentVersion], tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return CurrentPrefix + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Decrypt(string stored)
    {
        var (version, body) = Split(stored);
        if (!encryptionKeys.TryGetValue(version, out var key))
            throw new InvalidOperationException($"缺少第 {version} 版个人信息加密密钥（Privacy:EncryptionKeys:{version}），无法解密。");
        var all = Convert.FromBase64String(body);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[all.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(all.AsSpan(0, nonceSize), all.AsSpan(nonceSize + tagSize), all.AsSpan(nonceSize, tagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The same value under the current key (unchanged when it already is).</summary>
    public string Reencrypt(string stored) => IsCurrent(stored) ? stored : Encrypt(Decrypt(stored));

    /// <summary>The keyed hash an exact-value search compares (hex, 64 characters).</summary>
    public string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(Normalize(value))));
}

public static class PersonalDataSetup
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services) =>
        services.AddSingleton(sp => PersonalData.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DemoOptions>().Enabled));
}
