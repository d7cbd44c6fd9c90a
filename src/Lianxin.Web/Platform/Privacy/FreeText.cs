using System.Text.RegularExpressions;

namespace Lianxin.Web.Platform.Privacy;

/// <summary>
/// Personal data that people type into free text (a description, an outcome, a note) masked before the text is shown to
/// the public: anonymous pages and Open311 output (ADR 0030). Mobiles (also +86 / 86 prefixed, with spaces or hyphens),
/// area-coded landlines, citizen ID numbers (18 and 15 digits) and email addresses. Staff pages show the text whole.
/// </summary>
public static partial class FreeText
{
    public static string Public(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var s = IdInText().Replace(text, m => Mask.IdNumber(m.Value));
        s = MobileInText().Replace(s, m => Mask.Phone(new string(m.Value.Where(char.IsAsciiDigit).ToArray()) is var d && d.Length > 11 ? d[^11..] : d));
        s = LandlineInText().Replace(s, m => Mask.Phone(m.Value));
        return EmailInText().Replace(s, "***@***");
    }

    // 18 digits (the last may be X) or 15 digits, not inside a longer run of digits.
    [GeneratedRegex(@"(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)")]
    private static partial Regex IdInText();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)")]
    private static partial Regex MobileInText();

    [GeneratedRegex(@"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")]
    private static partial Regex LandlineInText();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex EmailInText();
}
