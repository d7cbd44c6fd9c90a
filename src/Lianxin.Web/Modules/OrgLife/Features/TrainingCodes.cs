using System.Buffers.Binary;
using System.Security.Cryptography;
using Lianxin.Web.Modules.OrgLife.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>
/// A session's sign-in code: the session id and an expiry protected by Data Protection (signed and encrypted with the keys
/// every instance shares), so it cannot be made for another session nor used after it expires. The link is the same for
/// everyone: who signs in is whoever opens it signed in.
/// </summary>
public class TrainingCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Late-comers and a slow queue at the door still sign in within an hour of the end.</summary>
    public static readonly TimeSpan ClosesAfterEnd = TimeSpan.FromHours(1);

    public const string BadCode = "签到码无效或已过期，请向组织方索取新的签到码。";

    readonly IDataProtector protector = protection.CreateProtector("Lianxin.OrgLife.TrainingSignIn.v1");

    public string TokenFor(TrainingSession s)
    {
        var payload = new byte[24];
        s.Id.TryWriteBytes(payload);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), (s.EndsAt + ClosesAfterEnd).Ticks);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    public static string PathFor(string token) => $"/orglife/training/scan?t={token}";

    /// <summary>The session the token is for, or null when it is forged, damaged or expired.</summary>
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

    /// <summary>The QR code of an absolute URL as a scalable SVG (the organiser's screen, a printed sheet at the door).</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
