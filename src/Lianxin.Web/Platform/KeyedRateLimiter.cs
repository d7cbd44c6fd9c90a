using System.Threading.RateLimiting;

namespace Lianxin.Web.Platform;

/// <summary>
/// A fixed-window rate limit per key (a client IP, an API client), with .NET's built-in limiter. Counted per app
/// instance: behind a load balancer each instance allows the limit (one global count would need a shared store).
/// </summary>
public class KeyedRateLimiter<TKey>(int permitLimit, int windowSeconds) : IDisposable where TKey : notnull
{
    public const string Message = "提交过于频繁，请稍后再试。";

    readonly PartitionedRateLimiter<TKey> limiter = PartitionedRateLimiter.Create<TKey, TKey>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit, Window = TimeSpan.FromSeconds(windowSeconds), QueueLimit = 0, AutoReplenishment = true,
        }));

    public bool TryAcquire(TKey key) => TryAcquire(key, out _);

    /// <summary>As <see cref="TryAcquire(TKey)"/>, with how long until the window frees a permit (for a 429's Retry-After).</summary>
    public bool TryAcquire(TKey key, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(key);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(windowSeconds);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>A limit per client IP address (behind the proxy: the forwarded address, ADR 0031).</summary>
public class ClientRateLimiter(int permitLimit, int windowSeconds) : KeyedRateLimiter<string>(permitLimit, windowSeconds)
{
    public bool TryAcquire(HttpContext http, out TimeSpan retryAfter) => TryAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", out retryAfter);
}
