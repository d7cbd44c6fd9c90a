using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity;

public class SignInThrottleOptions
{
    /// <summary>Failed sign-ins one client address may make against one account per window; below the account lock-out (5).</summary>
    public int PerAccountLimit { get; set; } = 3;
    /// <summary>Failed sign-ins one client address may make against all accounts per window (password spraying).</summary>
    public int PerClientLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 900;
}

/// <summary>A failure counter per key (a client address, or a client address and an account) in a fixed window.</summary>
public class SignInFailureCount : Entity
{
    public string Key { get; set; } = "";
    public DateTime WindowStartedAt { get; set; }
    public int Failures { get; set; }

    public static void Configure(ModelBuilder b) => b.Entity<SignInFailureCount>(e =>
    {
        e.ToTable("sec_sign_in_failures");
        e.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
    });
}

/// <summary>
/// Slows a client that keeps failing to sign in before it can lock the account (ADR 0027). Counted in the database,
/// so that every app instance on one database sees the same counts; both writes are single atomic statements.
/// </summary>
public class SignInThrottle(LianxinDb db, Tenancy tenancy, TimeProvider clock, SignInThrottleOptions options)
{
    /// <summary>How long this client must wait before it may try this account again; null when it may try now.</summary>
    public async Task<TimeSpan?> WaitAsync(string client, string userName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddSeconds(-options.WindowSeconds);
        string clientKey = ClientKey(client), accountKey = AccountKey(client, userName);
        var counts = await Counts().AsNoTracking()
            .Where(c => (c.Key == clientKey || c.Key == accountKey) && c.WindowStartedAt > since)
            .Select(c => new { c.Key, c.Failures, c.WindowStartedAt }).ToListAsync();
        var blocked = counts.Where(c => c.Failures >= (c.Key == clientKey ? options.PerClientLimit : options.PerAccountLimit)).ToList();
        if (blocked.Count == 0) return null;
        var until = blocked.Max(c => c.WindowStartedAt).AddSeconds(options.WindowSeconds);
        return until - now;
    }

    public async Task CountFailureAsync(string client, string userName)
    {
        await CountAsync(ClientKey(client));
        await CountAsync(AccountKey(client, userName));
    }

    async Task CountAsync(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddSeconds(-options.WindowSeconds);
        var tenant = tenancy.DefaultTenantId;
        // The row exists after this whichever instance inserts it first; raw SQL, as a counter is no audited record.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "sec_sign_in_failures" ("Id", "TenantId", "Key", "WindowStartedAt", "Failures")
            VALUES ({Guid.CreateVersion7()}, {tenant}, {key}, {now}, 0) ON CONFLICT ("TenantId", "Key") DO NOTHING
            """);
        // One UPDATE: a window that has run out starts again at this failure.
        await Counts().Where(c => c.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Failures, c => c.WindowStartedAt <= since ? 1 : c.Failures + 1)
            .SetProperty(c => c.WindowStartedAt, c => c.WindowStartedAt <= since ? now : c.WindowStartedAt));
    }

    IQueryable<SignInFailureCount> Counts() => db.SignInFailureCounts.IgnoreQueryFilters().Where(c => c.TenantId == tenancy.DefaultTenantId);

    static string ClientKey(string client) => "client:" + Clip(client);
    static string AccountKey(string client, string userName) => "account:" + Clip(client) + "|" + Clip(userName.Trim().ToUpperInvariant());
    static string Clip(string s) => s.Length > 90 ? s[..90] : s;
}
