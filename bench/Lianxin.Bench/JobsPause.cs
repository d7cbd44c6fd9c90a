using Lianxin.Web.Platform.Jobs;

namespace Lianxin.Bench;

/// <summary>
/// Keeps the app's background jobs off a district while the bench writes to it in bulk: it takes every job's lease for the
/// tenant with the app's own <see cref="LeaseHolder"/>, as another instance would, so no pass runs until it is disposed.
/// A pass already running finishes first (its lease is only taken once freed). Without it, the escalation job updated the
/// freshly loaded demands while the loader's search-text backfill rewrote them, and PostgreSQL broke the deadlock (issue 15).
/// </summary>
public sealed class JobsPause : IAsyncDisposable
{
    // Longer than any load; the lease is freed on dispose, and a bench that died leaves it to expire.
    static readonly TimeSpan HoldFor = TimeSpan.FromHours(2);
    readonly LeaseHolder holder = new($"bench-loader:{Guid.NewGuid():N}");
    readonly BenchDatabase database;
    readonly Guid tenant;
    readonly IReadOnlyList<string> jobs;

    JobsPause(BenchDatabase database, Guid tenant, IReadOnlyList<string> jobs) => (this.database, this.tenant, this.jobs) = (database, tenant, jobs);

    public static async Task<JobsPause> StartAsync(BenchDatabase database, Guid tenant, IReadOnlyList<string> jobs, CancellationToken ct)
    {
        var pause = new JobsPause(database, tenant, jobs);
        var waiting = jobs.ToList();
        while (waiting.Count > 0)
        {
            foreach (var job in waiting.ToList())
            {
                await using var db = database.ModelContext(tenant);
                var now = DateTime.UtcNow;
                if (await pause.holder.TryAcquireAsync(db, job, tenant, now + HoldFor, now, ct)) waiting.Remove(job);
            }
            if (waiting.Count > 0)
            {
                Console.WriteLine($"    waiting for the app's running job passes to end: {string.Join(", ", waiting)}");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        Console.WriteLine($"    the app's {jobs.Count} background jobs are paused for this district while loading");
        return pause;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var job in jobs)
        {
            await using var db = database.ModelContext(tenant);
            await holder.ReleaseAsync(db, job, tenant);
        }
    }
}
