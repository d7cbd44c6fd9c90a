using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Platform;

/// <summary>
/// The keyed chain and its checkpoints (ADR 0029). Each test writes a chain of its own district (a tenant id nobody else
/// uses) and keeps its checkpoints in a file of its own, so the demo district's chain stays whole for the other tests.
/// </summary>
[Collection(AppCollection.Name)]
public class AuditAnchorTests(LianxinApp app) : IDisposable
{
    static readonly byte[] K1 = Enumerable.Repeat((byte)41, 32).ToArray(), K2 = Enumerable.Repeat((byte)42, 32).ToArray();
    static readonly AuditKeys V1 = new(new Dictionary<int, byte[]> { [1] = K1 }, 1);
    readonly string file = Path.Combine(Path.GetTempPath(), "lianxin-tests", $"anchor-{Guid.NewGuid():N}.checkpoints");
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => File.Delete(file);

    AuditOptions Options(int everyEntries = 1000) => new() { CheckpointFile = file, CheckpointInterval = TimeSpan.FromHours(1), CheckpointEveryEntries = everyEntries };
    AuditCheckpoints Checkpoints(AuditKeys keys, AuditOptions? o = null) => new(o ?? Options(), keys, NullLogger<AuditCheckpoints>.Instance);

    /// <summary>A context on the shared database whose interceptor signs with <paramref name="keys"/>, as an app configured with them would.</summary>
    LianxinDb Db(Guid tenant, AuditKeys keys)
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(app.ConnectionString); else b.UseSqlite(app.ConnectionString);
        b.AddInterceptors(new AuditInterceptor(clock, new HttpContextAccessor(), keys));
        return new LianxinDb(b.Options, new OrgScope().AsSystem(tenant), new ModuleCatalog(Program.Modules));
    }

    async Task AppendAsync(Guid tenant, AuditKeys keys, int count)
    {
        await using var db = Db(tenant, keys);
        for (var i = 0; i < count; i++)
        {
            db.AuditEntries.Add(new AuditEntry { TenantId = tenant, UserName = "锚点测试", Entity = "Account", EntityId = "anchor", Action = AuditAction.SignIn, After = $"第{i}次" });
            await db.SaveChangesAsync();
        }
    }

    async Task<int> CheckpointAsync(Guid tenant, AuditKeys keys, AuditOptions? o = null)
    {
        await using var db = Db(tenant, keys);
        o ??= Options();
        return await new AuditCheckpointJob(db, Checkpoints(keys, o), o, clock).RunOnceAsync(tenant, default);
    }

    async Task<ChainReport> VerifyAsync(Guid tenant, AuditKeys keys)
    {
        await using var db = Db(tenant, keys);
        return await new AuditChain(keys, Checkpoints(keys)).VerifyAsync(db);
    }

    void Sql(FormattableString sql) => app.WithDb(db => db.Database.ExecuteSql(sql));

    [Fact]
    public async Task Deleting_the_tail_after_a_checkpoint_is_found_and_the_missing_entries_named()
    {
        var tenant = Guid.CreateVersion7();
        await AppendAsync(tenant, V1, 5);
        Assert.Equal(1, await CheckpointAsync(tenant, V1));
        var whole = await VerifyAsync(tenant, V1);
        Assert.True(whole.Intact, whole.FirstBreak?.Reason);
        Assert.Equal((5L, 1), (whole.Checked, whole.Checkpoints));

        Sql($"DELETE FROM aud_entries WHERE \"TenantId\" = {tenant} AND \"Seq\" >= 4");
        var report = await VerifyAsync(tenant, V1);
        Assert.False(report.Intact);
        Assert.Equal(4, report.FirstBreak!.Seq);
        Assert.Null(report.FirstBreak.EntryId);
        Assert.Contains("末尾被截断", report.FirstBreak.Reason);
        Assert.Contains("第 4 至 5 条被删除", report.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_changed_entry_a_deleted_middle_entry_and_a_chain_rebuilt_without_the_key_are_each_found_where_they_are()
    {
        // Changed: the stored name no longer matches the signature.
        var changed = Guid.CreateVersion7();
        await AppendAsync(changed, V1, 4);
        Sql($"UPDATE aud_entries SET \"UserName\" = 'mallory' WHERE \"TenantId\" = {changed} AND \"Seq\" = 2");
        var c = await VerifyAsync(changed, V1);
        Assert.Equal((false, 2L), (c.Intact, c.FirstBreak!.Seq));
        Assert.Contains("密钥签名不符", c.FirstBreak.Reason);

        // Deleted in the middle: the numbers jump.
        var gap = Guid.CreateVersion7();
        await AppendAsync(gap, V1, 4);
        Sql($"DELETE FROM aud_entries WHERE \"TenantId\" = {gap} AND \"Seq\" = 2");
        var g = await VerifyAsync(gap, V1);
        Assert.Equal((false, 3L), (g.Intact, g.FirstBreak!.Seq));
        Assert.Contains("第 2 至 2 条被删除", g.FirstBreak.Reason);

        // Rebuilt: someone with write access but another key rewrites entry 2 and re-signs everything after it.
        var rebuilt = Guid.CreateVersion7();
        await AppendAsync(rebuilt, V1, 4);
        await RebuildAsync(rebuilt, new AuditKeys(new Dictionary<int, byte[]> { [1] = K2 }, 1), keyVersion: 1);
        var r = await VerifyAsync(rebuilt, V1);
        Assert.Equal((false, 1L), (r.Intact, r.FirstBreak!.Seq));
        Assert.Contains("密钥签名不符", r.FirstBreak.Reason);

        // Rebuilt as unkeyed (version 0) entries, which need no key: only the checkpoint outside the database catches it.
        var downgraded = Guid.CreateVersion7();
        await AppendAsync(downgraded, V1, 4);
        Assert.Equal(1, await CheckpointAsync(downgraded, V1));
        await RebuildAsync(downgraded, V1, keyVersion: 0);
        var d = await VerifyAsync(downgraded, V1);
        Assert.Equal((false, 4L), (d.Intact, d.FirstBreak!.Seq));
        Assert.Contains("检查点不符", d.FirstBreak.Reason);
    }

    /// <summary>Rewrites the tenant's whole chain with a changed name at entry 2, linked and signed with <paramref name="keys"/>.</summary>
    async Task RebuildAsync(Guid tenant, AuditKeys keys, int keyVersion)
    {
        await using var db = Db(tenant, keys);
        var entries = await db.AuditEntries.OrderBy(e => e.Seq).ToListAsync();
        var prev = "";
        foreach (var e in entries)
        {
            if (e.Seq == 2) e.UserName = "mallory";
            e.KeyVersion = keyVersion;
            e.PrevHash = prev;
            e.Hash = AuditHash.Compute(e, keys);
            prev = e.Hash;
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task After_a_key_rotation_old_and_new_entries_verify_while_both_keys_are_configured()
    {
        var tenant = Guid.CreateVersion7();
        var both = new AuditKeys(new Dictionary<int, byte[]> { [1] = K1, [2] = K2 }, 2);
        await AppendAsync(tenant, V1, 2);
        Assert.Equal(1, await CheckpointAsync(tenant, V1));
        await AppendAsync(tenant, both, 2);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await CheckpointAsync(tenant, both));

        Assert.Equal([1, 1, 2, 2], app.WithDb(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TenantId == tenant).OrderBy(e => e.Seq).Select(e => e.KeyVersion).ToList()));
        var report = await VerifyAsync(tenant, both);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal((4L, 2), (report.Checked, report.Checkpoints));

        // Dropping the old key from configuration makes the old entries unverifiable, and the report says which version is missing.
        var only2 = new AuditKeys(new Dictionary<int, byte[]> { [2] = K2 }, 2);
        var missing = await VerifyAsync(tenant, only2);
        Assert.False(missing.Intact);
        Assert.Contains("第 1 版审计密钥", missing.FirstBreak!.Reason);
    }

    [Fact]
    public async Task The_checkpoint_job_writes_once_per_interval_and_sooner_after_N_entries()
    {
        var tenant = Guid.CreateVersion7();
        var o = Options(everyEntries: 5);
        await AppendAsync(tenant, V1, 2);
        Assert.Equal(1, await CheckpointAsync(tenant, V1, o));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await CheckpointAsync(tenant, V1, o));
        clock.Advance(TimeSpan.FromMinutes(58));
        Assert.Equal(0, await CheckpointAsync(tenant, V1, o));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await CheckpointAsync(tenant, V1, o)); // an hour after the first: the head is still there
        await AppendAsync(tenant, V1, 5);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await CheckpointAsync(tenant, V1, o)); // five new entries: no need to wait the hour
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await CheckpointAsync(tenant, V1, o));

        var written = await Checkpoints(V1).ReadAsync(tenant, default);
        Assert.Equal([2L, 2L, 7L], written.Select(c => c.Seq));
        Assert.All(written, c => Assert.True(Checkpoints(V1).Valid(c)));
        // Appended as lines, never rewritten: the file holds exactly the three.
        Assert.Equal(3, File.ReadAllLines(file).Length);
    }

    [Fact]
    public async Task The_job_host_runs_the_checkpoint_job_under_its_lease_and_a_second_pass_at_once_writes_nothing()
    {
        await app.PagesAs("admin"); // the demo district has at least a sign-in on its chain
        await app.RunJobAsync<AuditCheckpointJob>();
        var second = await app.RunJobAsync<AuditCheckpointJob>();
        Assert.All(second, r => Assert.Equal(0, r.Done));
        var tenant = app.Services.GetRequiredService<Tenancy>().DefaultTenantId;
        var last = await app.Services.GetRequiredService<AuditCheckpoints>().LastAsync(tenant, default);
        Assert.NotNull(last);
        Assert.Contains(await File.ReadAllLinesAsync(app.CheckpointFile), l => l.Contains(tenant.ToString()));
        Assert.True(app.WithDb(db => app.Services.GetRequiredService<AuditChain>().VerifyAsync(db).GetAwaiter().GetResult()).Intact);
    }

    [Fact]
    public async Task A_lost_update_rolls_back_the_transaction_the_audit_opened()
    {
        var tenant = app.Services.GetRequiredService<Tenancy>().DefaultTenantId;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var demand = await db.Set<Demand>().OrderBy(d => d.TicketNo).FirstAsync();
        // Someone else saved the demand meanwhile: its version moved on.
        app.WithDb(other => other.Set<Demand>().Where(d => d.Id == demand.Id).ExecuteUpdate(s => s.SetProperty(d => d.Version, d => d.Version + 1)));
        demand.Address = demand.Address + "（改）";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Null(db.Database.CurrentTransaction);
        if (TestDatabase.IsPostgres)
            Assert.False(app.WithDb(other => HoldsChainLock(other, tenant)), "the chain lock must go with the failed save");
        // Another writer appends to the chain at once (on SQLite it would wait for the write lock the failed save kept).
        await using (var other = app.Services.CreateAsyncScope())
        {
            other.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            var odb = other.ServiceProvider.GetRequiredService<LianxinDb>();
            odb.AuditEntries.Add(new AuditEntry { TenantId = tenant, UserName = "system", Entity = "Account", EntityId = "lost-update", Action = AuditAction.SignIn });
            await odb.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        Assert.True((await app.Services.GetRequiredService<AuditChain>().VerifyAsync(db)).Intact);
    }

    static bool HoldsChainLock(LianxinDb db, Guid tenant) =>
        db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = {0}::oid AND objid = {1}::oid AND objsubid = 2",
            (uint)AuditInterceptor.LockClass, (uint)AuditInterceptor.LockKey(tenant)).AsEnumerable().Single() == 1;
}
