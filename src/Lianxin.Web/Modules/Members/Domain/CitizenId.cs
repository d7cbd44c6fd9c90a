using System.Globalization;

namespace Lianxin.Web.Modules.Members.Domain;

/// <summary>The 18-character citizen identity number of GB 11643-1999: region, birth date, sequence, ISO 7064 MOD 11-2 check.</summary>
public static class CitizenId
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    public static char CheckCharOf(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Null when valid, otherwise why not (in Chinese, for a form or an import row).</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "请填写公民身份号码。";
        var s = id.Trim().ToUpperInvariant();
        if (s.Length != 18) return "公民身份号码应为 18 位。";
        for (var i = 0; i < 17; i++) if (!char.IsAsciiDigit(s[i])) return "公民身份号码前 17 位应为数字。";
        if (!(char.IsAsciiDigit(s[17]) || s[17] == 'X')) return "公民身份号码末位应为数字或 X。";
        if (BirthDate(s) is null) return "公民身份号码中的出生日期无效。";
        if (CheckCharOf(s) != s[17]) return "公民身份号码校验位不正确。";
        return null;
    }

    public static bool IsValid(string? id) => Problem(id) is null;

    public static DateOnly? BirthDate(string id) =>
        id.Length >= 14 && DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The 17th digit: odd for men, even for women.</summary>
    public static Gender GenderOf(string id) => (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>A valid number for the given region, birth date and sequence (demo data and tests; fictional people only).</summary>
    public static string Make(string region6, DateOnly birth, int sequence3)
    {
        var first17 = region6 + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence3.ToString("000", CultureInfo.InvariantCulture);
        return first17 + CheckCharOf(first17);
    }
}
