using System.Text.RegularExpressions;

namespace Lianxin.Web.Platform.Privacy;

/// <summary>
/// Phone numbers as stored and searched: one normal form, so the keyed hash of "+86 139-6666-8888" equals that of
/// "13966668888" (ADR 0030). Mobiles lose the country code; landlines keep their area code and hyphen ("0571-87001234").
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>Spaces, dots, brackets and a leading +86 / 0086 / 86 before a mobile are dropped; null when blank.</summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var p = Separators().Replace(phone.Trim(), "");
        if (CountryCode().Match(p) is { Success: true } m) p = m.Groups["rest"].Value;
        // A mobile written with hyphens (139-6666-8888) is still the mobile.
        if (p.Replace("-", "") is var bare && MobilePattern().IsMatch(bare)) return bare;
        return p;
    }

    /// <summary>An 11-digit mainland mobile or an area-coded landline, after <see cref="Normalize"/>.</summary>
    public static bool IsValid(string? normalized) => normalized is not null && (MobilePattern().IsMatch(normalized) || LandlinePattern().IsMatch(normalized));

    public static bool IsMobile(string? normalized) => normalized is not null && MobilePattern().IsMatch(normalized);

    /// <summary>The last four digits (what the public tracking page asks for).</summary>
    public static string Tail(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : digits;
    }

    [GeneratedRegex(@"[\s.()（）]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(\+86|0086|86)-?(?<rest>1[3-9][\d-]{9,11})$")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex LandlinePattern();
}

/// <summary>Phones kept like citizen IDs: AES-GCM cipher for showing, keyed hash of the normal form for finding.</summary>
public static class PersonalPhones
{
    /// <summary>(cipher, hash) of a phone, or (null, null) when there is none.</summary>
    public static (string? Cipher, string? Hash) Seal(this PersonalData pd, string? phone) =>
        PhoneNumber.Normalize(phone) is { } p ? (pd.Encrypt(p), pd.Hash(p)) : (null, null);

    /// <summary>The phone in clear, for those who may see it; "" when there is none.</summary>
    public static string OpenPhone(this PersonalData pd, string? cipher) => string.IsNullOrEmpty(cipher) ? "" : pd.Decrypt(cipher);

    /// <summary>The hash a search by phone compares, or null when the text is no phone number.</summary>
    public static string? PhoneHash(this PersonalData pd, string? phone) =>
        PhoneNumber.Normalize(phone) is { } p && PhoneNumber.IsValid(p) ? pd.Hash(p) : null;
}
