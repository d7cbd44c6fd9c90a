using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.Members.Features;

public class RecommendationOptions
{
    /// <summary>Public recommendations a client (by IP address) may make per <see cref="WindowSeconds"/>: a household recommends a few nominees, not hundreds.</summary>
    public int PermitLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 600;
}

/// <summary>Rate limit of the compounds' public recommendation page and API, per client IP.</summary>
public sealed class RecommendationLimiter(RecommendationOptions options) : ClientRateLimiter(options.PermitLimit, options.WindowSeconds);
