using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Web.Platform.Privacy;

/// <summary>
/// Personal values stored encrypted (AES-GCM, a fresh nonce each time) and found by exact value through
/// an HMAC-SHA256 keyed hash, so the database alone reveals neither (ARCHITECTURE: personal data, PIPL art. 51).
/// Keys come from configuration <c>Privacy:EncryptionKey</c> and <c>Privacy:HashKey</c> (base64, 32 bytes);
/// only demo mode falls back to a fixed development key.
/// </summary>
public class PersonalData
{
    readonly byte[] encryptionKey;
    readonly byte[] hashKey;

    public PersonalData(byte[] encryptionKey, byte[] hashKey)
    {
        if (encryptionKey.Length is not (16 or 24 or 32)) throw new ArgumentException("Privacy:EncryptionKey 须为 16、24 或 32 字节（base64）。");
        if (hashKey.Length < 16) throw new ArgumentException("Privacy:HashKey 至少 16 字节（base64）。");
        this.encryptionKey = encryptionKey;
        this.hashKey = hashKey;
    }

    public static PersonalData FromConfiguration(IConfiguration config, bool demo)
    {
        var enc = config["Privacy:EncryptionKey"];
        var hash = config["Privacy:HashKey"];
        if (string.IsNullOrWhiteSpace(enc) || string.IsNullOrWhiteSpace(hash))
        {
            if (!demo)
                throw new InvalidOperationException("缺少 Privacy:EncryptionKey 或 Privacy:HashKey（base64，32 字节）。非演示环境必须配置个人信息加密密钥。");
            // Development only: a fixed key so a demo database survives restarts. Never used outside demo mode.
            return new PersonalData(SHA256.HashData("lianxin-demo-encryption-key"u8), SHA256.HashData("lianxin-demo-hash-key"u8));
        }
        return new PersonalData(Convert.FromBase64String(enc), Convert.FromBase64String(hash));
    }

    /// <summary>Same normal form for storing and for searching: trimmed, upper case (the X of an ID number).</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public string Encrypt(string value)
    {
        var plain = Encoding.UTF8.GetBytes(Normalize(value));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(encryptionKey, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Decrypt(string stored)
    {
        var all = Convert.FromBase64String(stored);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[all.Length - nonceSize - tagSize];
        using var aes = new AesGcm(encryptionKey, tagSize);
        aes.Decrypt(all.AsSpan(0, nonceSize), all.AsSpan(nonceSize + tagSize), all.AsSpan(nonceSize, tagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash an exact-value search compares (hex, 64 characters).</summary>
    public string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(Normalize(value))));
}

public static class PersonalDataSetup
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services) =>
        services.AddSingleton(sp => PersonalData.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DemoOptions>().Enabled));
}
