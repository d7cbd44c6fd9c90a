using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Codes;
using Microsoft.AspNetCore.DataProtection;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>
/// A session's sign-in code (an <see cref="ExpiringIdCode"/>): the link is the same for everyone; who signs in is whoever
/// opens it signed in.
/// </summary>
public class TrainingCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Late-comers and a slow queue at the door still sign in within an hour of the end.</summary>
    public static readonly TimeSpan ClosesAfterEnd = TimeSpan.FromHours(1);

    public const string BadCode = "签到码无效或已过期，请向组织方索取新的签到码。";

    readonly IDataProtector protector = protection.CreateProtector("Lianxin.OrgLife.TrainingSignIn.v1");

    public string TokenFor(TrainingSession s) => ExpiringIdCode.Issue(protector, s.Id, s.EndsAt + ClosesAfterEnd);

    public static string PathFor(string token) => $"/orglife/training/scan?t={token}";

    /// <summary>The session the token is for, or null when it is forged, damaged or expired.</summary>
    public Guid? Read(string? token) => ExpiringIdCode.Read(protector, clock, token);

    public static string Svg(string url) => ExpiringIdCode.Svg(url);
}
