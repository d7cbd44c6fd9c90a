using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.Demands.Features;

public class PublicIntakeOptions
{
    /// <summary>Public filings a client (by IP address) may make per <see cref="WindowSeconds"/>.</summary>
    public int PermitLimit { get; set; } = 30;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Rate limit of the anonymous intake (page and API), per client IP.</summary>
public sealed class PublicIntakeLimiter(PublicIntakeOptions options) : ClientRateLimiter(options.PermitLimit, options.WindowSeconds);
