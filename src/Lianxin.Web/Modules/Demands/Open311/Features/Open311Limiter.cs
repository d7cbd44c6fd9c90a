using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.Demands.Open311.Features;

/// <summary>Bound from "Demands:Open311".</summary>
public class Open311Options
{
    /// <summary>Requests a client (by key) may file per <see cref="WindowSeconds"/>; a leaked key cannot flood the street.</summary>
    public int PermitLimit { get; set; } = 60;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Rate limit of Open311 filings per client, like the public intake's per IP.</summary>
public sealed class Open311Limiter(Open311Options options) : KeyedRateLimiter<Guid>(options.PermitLimit, options.WindowSeconds);
