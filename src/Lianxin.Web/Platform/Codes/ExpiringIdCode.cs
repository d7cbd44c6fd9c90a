using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

namespace Lianxin.Web.Platform.Codes;

/// <summary>
/// A record id and an expiry protected by Data Protection (signed and encrypted with the keys every instance shares), for
/// links printed as QR codes: one cannot be made for another record nor used after it expires, checked on the injected clock.
/// Each use has its own protector purpose, so a code for one purpose never reads as another's.
/// </summary>
public static class ExpiringIdCode
{
    public static string Issue(IDataProtector protector, Guid id, DateTime expiresUtc)
    {
        var payload = new byte[24];
        id.TryWriteBytes(payload);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expiresUtc.Ticks);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    /// <summary>The id the token is for, or null when it is forged, damaged or expired.</summary>
    public static Guid? Read(IDataProtector protector, TimeProvider clock, string? token)
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

    /// <summary>The QR code of an absolute URL as an SVG with a viewBox, so it scales to its box (a phone, a screen, a print).</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
