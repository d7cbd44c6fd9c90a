using System.Buffers.Binary;
using System.Security.Cryptography;
using Lianxin.Web.Modules.Volunteering.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>
/// The activity's check-in code: a URL carrying the activity id and an expiry, protected by Data Protection (signed and
/// encrypted with the keys every instance shares), so it cannot be forged for another activity or used after it expires.
/// The expiry is checked against the injected clock.
/// </summary>
public class ScanCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    readonly IDataProtector protector = protection.CreateProtector("Lianxin.Volunteering.Scan.v1");

    public string TokenFor(Activity a)
    {
        var payload = new byte[24];
        a.Id.TryWriteBytes(payload);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), (a.EndsAt + ActivityRules.ScanCloses).Ticks);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    public static string PathFor(string token) => $"/volunteering/scan?t={token}";

    /// <summary>The activity the token is for, or null when it is forged, damaged or expired.</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            var payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (payload.Length != 24) return null;
            var expires = new DateTime(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)), DateTimeKind.Utc);
            return clock.GetUtcNow().UtcDateTime <= expires ? new Guid(payload.AsSpan(0, 16)) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The QR code of an absolute URL as an SVG (printed on the sign-in sheet, shown on the organiser's screen).</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // A viewBox instead of a fixed size: the code scales to its box (a phone, the organiser's screen, a print).
        return new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
