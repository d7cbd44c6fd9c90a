using System.Threading.RateLimiting;

namespace Lianxin.Web.Modules.Demands.Open311.Features;

/// <summary>Bound from "Demands:Open311".</summary>
public class Open311Options
{
    /// <summary>Requests a client (by key) may file per <see cref="WindowSeconds"/>; a leaked key cannot flood the street.</summary>
    public int PermitLimit { get; set; } = 60;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limit of Open311 filings per client, like the public intake's per IP. Counted per app instance
/// (behind a load balancer each instance allows the limit).
/// </summary>
public sealed class Open311Limiter(Open311Options options) : IDisposable
{
    public const string Message = "提交过于频繁，请稍后再试。";

    readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit, Window = TimeSpan.FromSeconds(options.WindowSeconds), QueueLimit = 0, AutoReplenishment = true,
        }));

    public bool TryAcquire(Guid clientId)
    {
        using var lease = limiter.AttemptAcquire(clientId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
