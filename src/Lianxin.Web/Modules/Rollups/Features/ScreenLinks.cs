using Microsoft.AspNetCore.DataProtection;

namespace Lianxin.Web.Modules.Rollups.Features;

/// <summary>
/// The signed, expiring token in a 大屏 link: it names the district and the unit, so a screen in a meeting room shows
/// that unit's figures without a staff account, until the link expires. Nothing is stored; a new link is a new token.
/// </summary>
public sealed class ScreenLinks(IDataProtectionProvider protection)
{
    readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Lianxin.Rollups.Screen").ToTimeLimitedDataProtector();

    public string Issue(Guid tenantId, Guid unitId, DateTimeOffset expires) => protector.Protect($"{tenantId:N}:{unitId:N}", expires);

    /// <summary>The district and unit of a valid, unexpired token; null for anything else.</summary>
    public (Guid TenantId, Guid UnitId)? Read(string token)
    {
        try
        {
            var parts = protector.Unprotect(token, out _).Split(':');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var tenant) && Guid.TryParse(parts[1], out var unit) ? (tenant, unit) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
