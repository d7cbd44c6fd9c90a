using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Codes;
using Microsoft.AspNetCore.DataProtection;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>The activity's check-in code (an <see cref="ExpiringIdCode"/>), valid until the activity's scanning closes.</summary>
public class ScanCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    readonly IDataProtector protector = protection.CreateProtector("Lianxin.Volunteering.Scan.v1");

    public string TokenFor(Activity a) => ExpiringIdCode.Issue(protector, a.Id, a.EndsAt + ActivityRules.ScanCloses);

    public static string PathFor(string token) => $"/volunteering/scan?t={token}";

    /// <summary>The activity the token is for, or null when it is forged, damaged or expired.</summary>
    public Guid? Read(string? token) => ExpiringIdCode.Read(protector, clock, token);

    /// <summary>The QR code printed on the sign-in sheet and shown on the organiser's screen.</summary>
    public static string Svg(string url) => ExpiringIdCode.Svg(url);
}
