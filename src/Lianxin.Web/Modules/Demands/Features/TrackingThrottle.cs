using System.Collections.Concurrent;
using Lianxin.Web.Platform;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>Bound from "Demands:Tracking".</summary>
public class TrackingThrottleOptions
{
    /// <summary>Failed lookups of one ticket per window: a ticket with a 4-digit phone tail is only 10,000 guesses.</summary>
    public int PerTicket { get; set; } = 5;
    /// <summary>Failed lookups of one client (IP address) per window, whatever tickets it tries.</summary>
    public int PerClient { get; set; } = 20;
    public int WindowMinutes { get; set; } = 60;
}

/// <summary>
/// Slows guessing on the anonymous tracking lookups (page, API, rating, cancelling an appointment): after too many failed
/// lookups of a ticket, or from a client, within the window, further lookups are refused until the oldest failure leaves the
/// window, even with the right tail (ADR 0030). Successful lookups do not count. Counted per app instance, like
/// <see cref="Platform.KeyedRateLimiter{TKey}"/>; the clock is injected so tests move time instead of waiting.
/// </summary>
public sealed class TrackingThrottle(TrackingThrottleOptions options, TimeProvider clock)
{
    readonly ConcurrentDictionary<string, List<DateTime>> failures = new();
    TimeSpan Window => TimeSpan.FromMinutes(options.WindowMinutes);

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    static string TicketKey(string? ticket) => "t:" + (ticket ?? "").Trim().ToUpperInvariant();

    /// <summary>How long the caller must wait before looking this ticket up again; null when it may now.</summary>
    public TimeSpan? RetryAfter(string? ticket, string client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waits = new[] { Wait(TicketKey(ticket), options.PerTicket, now), Wait("c:" + client, options.PerClient, now) };
        return waits.Max();
    }

    /// <summary>Records a lookup that found nothing (wrong ticket or wrong tail).</summary>
    public void Failed(string? ticket, string client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in new[] { TicketKey(ticket), "c:" + client })
        {
            var list = failures.GetOrAdd(key, _ => []);
            lock (list) list.Add(now);
        }
        // Keys of old failures go, so guessing many tickets does not grow memory without end.
        if (failures.Count > 10_000)
            foreach (var (key, list) in failures)
                lock (list)
                    if (list.Count == 0 || list[^1] <= now - Window) failures.TryRemove(key, out _);
    }

    TimeSpan? Wait(string key, int limit, DateTime now)
    {
        if (!failures.TryGetValue(key, out var list)) return null;
        lock (list)
        {
            list.RemoveAll(t => t <= now - Window);
            return list.Count < limit ? null : list[^limit] + Window - now;
        }
    }

    /// <summary>"请 35 分钟后再试" (at least one minute).</summary>
    public static string Message(TimeSpan wait) =>
        $"查询失败次数过多，为保护居民信息已暂停查询，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试。";

    /// <summary>The API's answer: 429 with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext http, TimeSpan wait) => TooManyRequests.Problem(http, wait, Message(wait));
}
