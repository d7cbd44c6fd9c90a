using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>The bank's settings (section <c>PointsBank</c>).</summary>
public class PointsBankOptions
{
    /// <summary>Points per hour of confirmed volunteering when the community set no rate for the activity's kind.</summary>
    public int DefaultPointsPerHour { get; set; } = 10;
    /// <summary>How long a hold at a till waits for the merchant to confirm it.</summary>
    public int HoldMinutes { get; set; } = 15;
    /// <summary>How long a depositor's code (the QR on /pointsbank/me) is good for.</summary>
    public int CodeMinutes { get; set; } = 5;
    /// <summary>Points earned longer ago than this expire (unspent ones, oldest first).</summary>
    public int ExpiryMonths { get; set; } = 24;
    /// <summary>Depositors hear this many days before their points expire.</summary>
    public int ExpiryNoticeDays { get; set; } = 30;
}

/// <summary>
/// The depositor's code shown as a QR at the till: the user id and an expiry, sealed with Data Protection (so it cannot be
/// forged or altered, and two app instances with the shared key ring read each other's codes), good for a few minutes.
/// </summary>
public class DepositorCode(IDataProtectionProvider protection, TimeProvider clock, PointsBankOptions options)
{
    readonly IDataProtector protector = protection.CreateProtector("Lianxin.PointsBank.DepositorCode.v1");

    public record Issued(string Code, DateTime ExpiresAt);

    public Issued Issue(Guid userId)
    {
        var expires = clock.GetUtcNow().UtcDateTime.AddMinutes(options.CodeMinutes);
        var payload = new byte[24];
        userId.TryWriteBytes(payload);
        BitConverter.TryWriteBytes(payload.AsSpan(16), new DateTimeOffset(expires).ToUnixTimeSeconds());
        return new Issued(WebEncoders.Base64UrlEncode(protector.Protect(payload)), expires);
    }

    /// <summary>The user behind a code still valid now, else null.</summary>
    public Guid? Read(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 400) return null;
        try
        {
            var payload = protector.Unprotect(WebEncoders.Base64UrlDecode(code.Trim()));
            if (payload.Length != 24) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(BitConverter.ToInt64(payload, 16));
            return expires > clock.GetUtcNow() ? new Guid(payload.AsSpan(0, 16)) : null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
