using System.Collections.Concurrent;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;

namespace Lianxin.Web.Platform.Jobs;

/// <summary>
/// What one pass did for one tenant: <see cref="Done"/> is null when another instance held the lease or it failed;
/// <see cref="Idle"/> when the job said there was nothing to do, so no lease was taken.
/// </summary>
public sealed record JobRun(Guid TenantId, int? Done, bool Failed = false, bool Idle = false)
{
    public bool Busy => Done is null && !Failed;
}

/// <summary>
/// The one hosted service of background work: a loop per registered job runs a pass for every tenant, each under the
/// lease of that job and tenant, in a fresh DI scope that is the system of that tenant; a renewal loop keeps the
/// leases of running passes alive. Tests switch the loops off (<c>Jobs:Enabled=false</c>) and call
/// <see cref="RunAsync{T}"/> and <see cref="RenewHeldAsync"/> themselves on a fake clock (ADR 0014).
/// </summary>
public sealed class JobHost(IEnumerable<JobRegistration> registrations, IServiceScopeFactory scopes, Tenancy tenancy, TimeProvider clock,
    JobOptions options, Operations.LianxinMetrics metrics, ILogger<JobHost> log) : BackgroundService
{
    /// <summary>Long enough to outlast a late renewal or two; short enough that a dead instance's tenants are soon taken over.</summary>
    public static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    readonly Dictionary<string, JobRegistration> jobs = registrations.ToDictionary(j => j.Name);
    readonly LeaseHolder leases = new($"{Environment.MachineName}:{Guid.NewGuid():N}");
    // One pass of a job at a time in this instance: a direct run waits for the loop's pass instead of meeting its lease.
    readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();
    readonly ConcurrentDictionary<string, SemaphoreSlim> wakes = new();
    readonly ConcurrentDictionary<(string Job, Guid Tenant), Held> held = new();

    /// <summary>A running pass: renewal and release take <see cref="Lock"/>, so a lease is never renewed after it was freed.</summary>
    sealed class Held(CancellationTokenSource run)
    {
        public CancellationTokenSource Run { get; } = run;
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public bool Ended { get; set; }
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override Task ExecuteAsync(CancellationToken stop) =>
        options.Enabled ? Task.WhenAll(jobs.Values.Select(j => LoopAsync(j, stop)).Append(RenewLoopAsync(stop))) : Task.CompletedTask;

    /// <summary>Starts the next pass of the job now instead of after its period (an upload that should not wait).</summary>
    public void Wake<T>() where T : IJob
    {
        var wake = wakes.GetOrAdd(T.Name, _ => new SemaphoreSlim(0, 1));
        if (wake.CurrentCount == 0) try { wake.Release(); } catch (SemaphoreFullException) { } // woken twice at once: once is enough
    }

    public Task<IReadOnlyList<JobRun>> RunAsync<T>(CancellationToken ct = default) where T : IJob => RunAsync(T.Name, ct);

    /// <summary>One pass of the job for every tenant, one tenant after another.</summary>
    public async Task<IReadOnlyList<JobRun>> RunAsync(string name, CancellationToken ct = default)
    {
        var job = jobs[name];
        var gate = gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            IReadOnlyList<Guid> tenants;
            using (var scope = scopes.CreateScope())
                tenants = await tenancy.TenantIdsAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), ct);
            var runs = new List<JobRun>(tenants.Count);
            foreach (var tenant in tenants) runs.Add(await RunForTenantAsync(job, tenant, ct));
            return runs;
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<JobRun> RunForTenantAsync(JobRegistration job, Guid tenant, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var run = await RunUnderLeaseAsync(job, tenant, ct);
        metrics.JobRun(job.Name, run.Busy ? "busy" : run.Failed ? "failed" : run.Idle ? "idle" : "done", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return run;
    }

    async Task<JobRun> RunUnderLeaseAsync(JobRegistration job, Guid tenant, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        // Most passes of a frequent job find nothing: one read says so, and the lease is not written twice for nothing (ADR 0052).
        try
        {
            if (!await job.HasWorkAsync(scope.ServiceProvider, tenant, ct)) return new(tenant, 0, Idle: true);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Job {Job} could not tell whether tenant {Tenant} has work", job.Name, tenant);
            return new(tenant, null, Failed: true);
        }
        if (!await WithLeaseDbAsync(tenant, db => leases.TryAcquireAsync(db, job.Name, tenant, Now + LeaseFor, Now, ct))) return new(tenant, null);
        var key = (job.Name, tenant);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var h = held[key] = new Held(run);
        try
        {
            return new(tenant, await job.RunOnceAsync(scope.ServiceProvider, tenant, run.Token));
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            log.LogWarning("Job {Job} lost its lease for tenant {Tenant}; another instance runs it now", job.Name, tenant);
            return new(tenant, null, Failed: true);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Job {Job} failed for tenant {Tenant}", job.Name, tenant);
            return new(tenant, null, Failed: true);
        }
        finally
        {
            await h.Lock.WaitAsync(CancellationToken.None);
            h.Ended = true;
            held.TryRemove(key, out _);
            h.Lock.Release();
            await WithLeaseDbAsync(tenant, db => leases.ReleaseAsync(db, job.Name, tenant));
        }
    }

    /// <summary>Pushes out the lease of every pass running in this instance; a pass whose lease another instance took is cancelled.</summary>
    public async Task RenewHeldAsync(CancellationToken ct = default)
    {
        foreach (var ((name, tenant), h) in held)
        {
            await h.Lock.WaitAsync(ct);
            try
            {
                if (h.Ended) continue;
                if (!await WithLeaseDbAsync(tenant, db => leases.RenewAsync(db, name, tenant, Now + LeaseFor, ct))) h.Run.Cancel();
            }
            finally
            {
                h.Lock.Release();
            }
        }
    }

    /// <summary>Lease rows are read and written on a context of their own, never on the one the job is using.</summary>
    async Task<T> WithLeaseDbAsync<T>(Guid tenant, Func<LianxinDb, Task<T>> work)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    async Task LoopAsync(JobRegistration job, CancellationToken stop)
    {
        var wake = wakes.GetOrAdd(job.Name, _ => new SemaphoreSlim(0, 1));
        while (!stop.IsCancellationRequested)
        {
            // A one-shot delay per pass, not a PeriodicTimer: when a fake clock jumps days ahead, a periodic timer
            // fires once per elapsed period; this fires once.
            using (var next = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                await Task.WhenAny(Task.Delay(job.Period, clock, next.Token), wake.WaitAsync(next.Token));
                next.Cancel();
            }
            if (stop.IsCancellationRequested) return;
            try { await RunAsync(job.Name, stop); }
            catch (Exception e) when (!stop.IsCancellationRequested) { log.LogError(e, "Job {Job} pass failed", job.Name); }
        }
    }

    async Task RenewLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, clock, stop);
                await RenewHeldAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogError(e, "Job lease renewal failed"); }
        }
    }
}
