using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class PublicMotionOptions
{
    /// <summary>Public motions a client (by IP address) may raise per <see cref="WindowSeconds"/>.</summary>
    public int PermitLimit { get; set; } = 30;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Rate limit of the public motion page and API, per client IP (like Demands' public intake).</summary>
public sealed class PublicMotionLimiter(PublicMotionOptions options) : ClientRateLimiter(options.PermitLimit, options.WindowSeconds);
