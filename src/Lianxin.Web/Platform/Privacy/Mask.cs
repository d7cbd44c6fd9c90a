namespace Lianxin.Web.Platform.Privacy;

/// <summary>How personal data is shown to those who may not see it whole (ARCHITECTURE: personal data).</summary>
public static class Mask
{
    /// <summary>138****1234: keeps the first three and last four digits.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var p = phone.Trim();
        return p.Length < 8 ? new string('*', p.Length) : p[..3] + new string('*', p.Length - 7) + p[^4..];
    }

    /// <summary>4103**********1234: keeps the first four and last four characters.</summary>
    public static string IdNumber(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "";
        var s = id.Trim();
        return s.Length <= 8 ? new string('*', s.Length) : s[..4] + new string('*', s.Length - 8) + s[^4..];
    }

    /// <summary>Any other personal value in logs: its length survives, its content does not.</summary>
    public static string Other(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 1 ? "*" : value[0] + new string('*', value.Length - 1);
}
