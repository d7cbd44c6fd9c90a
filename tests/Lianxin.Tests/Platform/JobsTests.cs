using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Platform;

/// <summary>A database of its own with a second district (tenant), a fake clock and two jobs made for these tests.</summary>
public class JobsApp : LianxinApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public SlowJob.Gate Slow { get; } = new();
    public ProbeJob.Seen Probe { get; } = new();
    public IdleJob.Work Idle { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton(Slow);
            s.AddSingleton(Probe);
            s.AddJob<SlowJob>();
            s.AddJob<ProbeJob>();
            s.AddSingleton(Idle);
            s.AddJob<IdleJob>();
        });
    }

    /// <summary>The demo district's tenant and a second district, created once: a root unit with one user of its own.</summary>
    public (Guid First, Guid Second, Guid SecondUser) Tenants()
    {
        var first = Services.GetRequiredService<Tenancy>().DefaultTenantId;
        var second = WithDb(db => db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == "JT2" && u.ParentId == null).Select(u => (Guid?)u.Id).FirstOrDefault());
        if (second is null)
        {
            var id = Guid.CreateVersion7();
            InTenant(id, db =>
            {
                Tenancy.Register(db, id, "第二区委", Clock.GetUtcNow().UtcDateTime);
                db.OrgUnits.Add(new OrgUnit { Id = id, TenantId = id, Kind = OrgKind.District, Name = "中共第二区委员会", ShortName = "第二区委", Code = "JT2", Path = OrgUnit.PathOf(null, id) });
                db.Users.Add(new AppUser { UserName = "jobs-second", NormalizedUserName = "JOBS-SECOND", DisplayName = "第二区用户", TenantId = id, CreatedAt = Clock.GetUtcNow().UtcDateTime });
                return db.SaveChanges();
            });
            second = id;
        }
        var user = WithDb(db => db.Users.IgnoreQueryFilters().Single(u => u.UserName == "jobs-second").Id);
        return (first, second.Value, user);
    }

    public T InTenant<T>(Guid tenant, Func<LianxinDb, T> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        return work(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    public async Task<T> InTenantAsync<T>(Guid tenant, Func<LianxinDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }
}

/// <summary>Records what each pass saw: its tenant, its scope, and how many org units that scope shows.</summary>
public class ProbeJob(OrgScope scope, LianxinDb db, ProbeJob.Seen seen) : IJob
{
    public sealed class Seen
    {
        public List<(Guid Tenant, Guid ScopeTenant, bool System, OrgScope Scope, int Units)> Passes { get; } = [];
    }

    public static string Name => "tests.probe";
    public static TimeSpan Period => TimeSpan.FromMinutes(1);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var units = await db.OrgUnits.CountAsync(ct);
        lock (seen) seen.Passes.Add((tenantId, scope.TenantId, scope.Unrestricted, scope, units));
        return 1;
    }
}

/// <summary>A job that says whether it has work (a test sets it) and counts the passes that ran.</summary>
public class IdleJob(IdleJob.Work work) : IJob
{
    public sealed class Work
    {
        public bool Waiting { get; set; }
        public int Ran;
    }

    public static string Name => "tests.idle";
    public static TimeSpan Period => TimeSpan.FromSeconds(2);

    public Task<bool> HasWorkAsync(Guid tenantId, CancellationToken ct) => Task.FromResult(work.Waiting);

    public Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        Interlocked.Increment(ref work.Ran);
        return Task.FromResult(1);
    }
}

/// <summary>A long pass: it says it started, then waits until the test lets it finish (or its lease is lost).</summary>
public class SlowJob(SlowJob.Gate gate) : IJob
{
    public sealed class Gate
    {
        public TaskCompletionSource<Guid> Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finish { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Reset() { Started = new(TaskCreationOptions.RunContinuationsAsynchronously); Finish = new(TaskCreationOptions.RunContinuationsAsynchronously); }
    }

    public static string Name => "tests.slow";
    public static TimeSpan Period => TimeSpan.FromMinutes(1);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        gate.Started.TrySetResult(tenantId);
        await gate.Finish.Task.WaitAsync(ct);
        return 1;
    }
}

public class JobsTests(JobsApp app) : IClassFixture<JobsApp>
{
    DateTime Now => app.Clock.GetUtcNow().UtcDateTime;
    JobHost Host => app.Services.GetRequiredService<JobHost>();

    Task<bool> Acquire(LeaseHolder who, string job, Guid tenant) =>
        app.InTenantAsync(tenant, db => who.TryAcquireAsync(db, job, tenant, Now + JobHost.LeaseFor, Now, CancellationToken.None));

    [Fact]
    public async Task A_lease_is_per_job_and_tenant_and_refused_to_a_second_holder_until_it_expires()
    {
        var (first, second, _) = app.Tenants();
        var (a, b) = (new LeaseHolder("instance-a"), new LeaseHolder("instance-b"));
        Assert.True(await Acquire(a, "tests.lease", first));
        Assert.False(await Acquire(b, "tests.lease", first));
        Assert.True(await Acquire(b, "tests.lease", second)); // the same job for another tenant
        Assert.True(await Acquire(b, "tests.other", first)); // another job for the same tenant

        app.Clock.Advance(JobHost.LeaseFor - TimeSpan.FromSeconds(1));
        Assert.False(await Acquire(b, "tests.lease", first));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Acquire(b, "tests.lease", first)); // expired: an instance that died does not block the others
        Assert.False(await app.InTenantAsync(first, db => a.RenewAsync(db, "tests.lease", first, Now + JobHost.LeaseFor, CancellationToken.None)));

        // Released: free at once, whatever the clock says.
        Assert.True(await app.InTenantAsync(first, db => b.ReleaseAsync(db, "tests.lease", first)));
        Assert.True(await Acquire(a, "tests.lease", first));
    }

    [Fact]
    public async Task A_long_pass_renews_its_lease_and_a_pass_whose_lease_was_taken_over_stops()
    {
        var (first, second, _) = app.Tenants();
        var other = new LeaseHolder("another-instance");
        app.Slow.Reset();
        var pass = Host.RunAsync<SlowJob>();
        var running = await app.Slow.Started.Task;
        var waiting = running == first ? second : first;

        // The pass runs past its first lease's expiry; a renewal on the way keeps it.
        app.Clock.Advance(JobHost.LeaseFor - TimeSpan.FromSeconds(30));
        await Host.RenewHeldAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await Acquire(other, SlowJob.Name, running));
        Assert.True(await Acquire(other, SlowJob.Name, waiting)); // the same job for the tenant this pass has not reached yet
        Assert.Equal(Now - TimeSpan.FromSeconds(60) + JobHost.LeaseFor,
            app.InTenant(running, db => db.JobLeases.Single(l => l.Name == SlowJob.Name && l.TenantId == running).ExpiresAt), TimeSpan.FromMilliseconds(1));

        app.Slow.Finish.SetResult();
        var runs = await pass;
        Assert.Equal(1, runs.Single(r => r.TenantId == running).Done);
        Assert.True(runs.Single(r => r.TenantId == waiting).Busy); // held by the other instance: not run twice
        Assert.True(await Acquire(other, SlowJob.Name, running)); // freed when the pass ended
        await app.InTenantAsync(running, db => other.ReleaseAsync(db, SlowJob.Name, running));

        // Without renewal the lease expires; once another instance has taken it, the next renewal stops the pass.
        app.Slow.Reset();
        pass = Host.RunAsync<SlowJob>();
        Assert.Equal(running, await app.Slow.Started.Task);
        app.Clock.Advance(JobHost.LeaseFor);
        Assert.True(await Acquire(other, SlowJob.Name, running));
        await Host.RenewHeldAsync();
        app.Slow.Finish.SetResult(); // the other tenant's lease has expired meanwhile: the pass goes on to it
        Assert.True((await pass).Single(r => r.TenantId == running).Failed);
        Assert.Equal("another-instance", app.InTenant(running, db => db.JobLeases.Single(l => l.Name == SlowJob.Name && l.TenantId == running).Holder)); // not freed by the stopped pass
        await app.InTenantAsync(running, db => other.ReleaseAsync(db, SlowJob.Name, running));
    }

    [Fact]
    public async Task A_pass_with_nothing_to_do_neither_runs_nor_writes_its_lease()
    {
        var (first, second, _) = app.Tenants();
        var other = new LeaseHolder("another-instance");
        Assert.True(await Acquire(other, IdleJob.Name, first)); // another instance holds the first tenant's lease
        int Leases() => app.WithDb(db => db.JobLeases.IgnoreQueryFilters().Count(l => l.Name == IdleJob.Name));
        var expires = app.InTenant(first, db => db.JobLeases.Single(l => l.Name == IdleJob.Name).ExpiresAt);

        app.Idle.Waiting = false;
        var runs = await Host.RunAsync<IdleJob>();
        Assert.All(runs, r => Assert.Equal((0, true, false), (r.Done, r.Idle, r.Busy)));
        Assert.Equal(0, app.Idle.Ran);
        Assert.Equal(1, Leases()); // the second tenant's lease was never created
        Assert.Equal(expires, app.InTenant(first, db => db.JobLeases.Single(l => l.Name == IdleJob.Name).ExpiresAt));

        // With work waiting the pass takes the lease as before: held elsewhere, busy; free, it runs.
        app.Idle.Waiting = true;
        runs = await Host.RunAsync<IdleJob>();
        Assert.True(runs.Single(r => r.TenantId == first).Busy);
        Assert.Equal(1, runs.Single(r => r.TenantId == second).Done);
        Assert.Equal(1, app.Idle.Ran);
        await app.InTenantAsync(first, db => other.ReleaseAsync(db, IdleJob.Name, first));
    }

    [Fact]
    public async Task Every_tenant_gets_its_own_pass_as_its_system_in_a_fresh_scope()
    {
        var (first, second, _) = app.Tenants();
        lock (app.Probe) app.Probe.Passes.Clear();
        var runs = await app.RunJobAsync<ProbeJob>();

        Assert.Equal(new[] { first, second }.Order(), runs.Select(r => r.TenantId).Order());
        var passes = app.Probe.Passes;
        Assert.Equal(2, passes.Count);
        Assert.All(passes, p => Assert.Equal((p.Tenant, true), (p.ScopeTenant, p.System)));
        Assert.NotSame(passes[0].Scope, passes[1].Scope);
        Assert.Equal(1, passes.Single(p => p.Tenant == second).Units); // the second district sees only itself
        Assert.True(passes.Single(p => p.Tenant == first).Units > 1);
    }

    [Fact]
    public async Task Notifications_of_every_tenant_are_delivered_by_one_pass()
    {
        var (first, second, secondUser) = app.Tenants();
        var admin = app.InTenant(first, db => db.Users.Single(u => u.UserName == "admin").Id);
        var tag = Guid.NewGuid().ToString("N")[..8];
        app.InTenant(first, db => { Outbox.Notify(db, app.Clock, new NotificationMessage($"第一区通知{tag}", "请查看。", null, "tests", RecipientUserId: admin)); return db.SaveChanges(); });
        app.InTenant(second, db => { Outbox.Notify(db, app.Clock, new NotificationMessage($"第二区通知{tag}", "请查看。", null, "tests", RecipientUserId: secondUser)); return db.SaveChanges(); });

        var runs = await app.RunJobAsync<NotificationDispatcher>();
        Assert.All(runs, r => Assert.True(r.Done >= 1));
        Assert.Equal(admin, app.InTenant(first, db => db.InboxItems.Single(i => i.Title == $"第一区通知{tag}").UserId));
        Assert.Equal(secondUser, app.InTenant(second, db => db.InboxItems.Single(i => i.Title == $"第二区通知{tag}").UserId));
        Assert.All(await app.RunJobAsync<NotificationDispatcher>(), r => Assert.True(r.Idle)); // all delivered: the next pass only reads
    }
}
