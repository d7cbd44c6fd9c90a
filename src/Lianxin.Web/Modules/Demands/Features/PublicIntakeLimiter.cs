using System.Threading.RateLimiting;

namespace Lianxin.Web.Modules.Demands.Features;

public class PublicIntakeOptions
{
    /// <summary>Public filings a client (by IP address) may make per <see cref="WindowSeconds"/>.</summary>
    public int PermitLimit { get; set; } = 30;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limit of the anonymous intake (page and API), per client IP, with .NET's built-in fixed-window limiter.
/// Counted per app instance: behind a load balancer each instance allows the limit (a shared store would be needed for one global count).
/// </summary>
public sealed class PublicIntakeLimiter(PublicIntakeOptions options) : IDisposable
{
    public const string Message = "提交过于频繁，请稍后再试。";

    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit, Window = TimeSpan.FromSeconds(options.WindowSeconds), QueueLimit = 0, AutoReplenishment = true,
        }));

    public bool TryAcquire(HttpContext http)
    {
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
