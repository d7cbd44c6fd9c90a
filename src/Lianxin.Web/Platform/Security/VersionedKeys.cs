using System.Globalization;

namespace Lianxin.Web.Platform.Security;

/// <summary>Keys that rotate, configured as <c>{section}:{version}</c> = base64 (the personal-data and audit keys).</summary>
public static class VersionedKeys
{
    public static Dictionary<int, byte[]> Read(IConfiguration config, string section)
    {
        var keys = new Dictionary<int, byte[]>();
        foreach (var k in config.GetSection(section).GetChildren())
        {
            if (!int.TryParse(k.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"{section}:{k.Key} 的版本号须为正整数。");
            keys[version] = Convert.FromBase64String(k.Value ?? "");
        }
        return keys;
    }
}
