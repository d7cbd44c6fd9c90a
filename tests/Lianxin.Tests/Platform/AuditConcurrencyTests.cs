using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class AuditConcurrencyTests(LianxinApp app)
{
    [Fact]
    public async Task Parallel_writers_keep_the_chain_whole()
    {
        var unit = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Community));
        var tenant = unit.TenantId;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
            db.OrgPositions.Add(new OrgPosition { OrgUnitId = unit.Id, OrgPath = unit.Path, Title = "委员", PersonName = $"并发{i}", StartedOn = new DateOnly(2026, 1, 1) });
            await db.SaveChangesAsync();
        })));

        var api = await app.ApiAs("admin");
        var report = await api.GetFromJsonAsync<ChainReport>("/api/v1/audit/verify");
        Assert.True(report!.Intact, report.FirstBreak?.Reason);
        Assert.Equal(8, app.WithDb(db => db.AuditEntries.Count(e => e.Entity == "OrgPosition" && e.After!.Contains("并发"))));
    }

    [Fact]
    public async Task One_tenants_open_write_does_not_hold_up_another_tenants_and_each_chain_stays_whole()
    {
        var tenantA = app.WithDb(db => db.CurrentTenantId);
        var tenantB = Guid.CreateVersion7(); // a second district

        await using var a = app.Services.CreateAsyncScope();
        var dbA = Db(a, tenantA);
        await using (var txA = await dbA.Database.BeginTransactionAsync())
        {
            dbA.AuditEntries.Add(Entry(tenantA, "甲区写入"));
            await dbA.SaveChangesAsync(); // saved; its entry waits for the commit, and the transaction stays open
            if (TestDatabase.IsPostgres)
            {
                // The chain lock is taken at the commit (ADR 0041), not held over the rest of an open transaction.
                Assert.False(app.WithDb(db => HoldsChainLock(db, tenantA)), "tenant A's chain lock should wait for its commit");
                // Tenant B appends to its own chain while A's transaction is open.
                await WriteAsync(tenantB, "乙区写入").WaitAsync(TimeSpan.FromSeconds(30));
                Assert.False(app.WithDb(db => HoldsChainLock(db, tenantB)));
            }
            await txA.CommitAsync();
        }
        if (!TestDatabase.IsPostgres) await WriteAsync(tenantB, "乙区写入"); // SQLite has one writer at a time: B after A

        await WriteAsync(tenantB, "乙区再写");
        await using var check = app.Services.CreateAsyncScope();
        var b = await app.Services.GetRequiredService<AuditChain>().VerifyAsync(Db(check, tenantB));
        Assert.Equal((2L, true), (b.Checked, b.Intact));
        Assert.True((await app.Services.GetRequiredService<AuditChain>().VerifyAsync(Db(check, tenantA))).Intact);
    }

    [Fact]
    public async Task Two_transactions_of_one_district_saving_twice_each_chain_their_entries_in_commit_order()
    {
        var unit = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Community));
        var tag = "交错" + Guid.NewGuid().ToString("N")[..6];
        await using var first = app.Services.CreateAsyncScope();
        // B's transaction, two saves, runs to its commit after A began. On PostgreSQL A has saved once and keeps its transaction
        // open meanwhile (with the chain lock taken at the first save, B waited for A: this timed out); SQLite has one writer
        // at a time, so there B runs just before A's transaction begins, after A's reads.
        Func<Task> b = async () =>
        {
            await using var second = app.Services.CreateAsyncScope();
            await TwoSavesAsync(Db(second, unit.TenantId), unit, tag + "乙", between: null);
        };
        var dbA = TestDatabase.IsPostgres ? Db(first, unit.TenantId) : Interleave.BeforeFirstTransaction(AsSystem(first, unit.TenantId), b);
        await TwoSavesAsync(dbA, unit, tag + "甲", between: TestDatabase.IsPostgres ? () => b().WaitAsync(TimeSpan.FromSeconds(30)) : null);

        var order = app.WithDb(db => db.AuditEntries.Where(e => e.Entity == "OrgPosition" && e.After!.Contains(tag)).OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.After }).ToList());
        Assert.Equal(["乙1", "乙2", "甲1", "甲2"], order.Select(e => new[] { "甲1", "甲2", "乙1", "乙2" }.Single(who => e.After!.Contains(tag + who))));
        Assert.Equal(3, order[^1].Seq - order[0].Seq); // one after the other: nothing of the two transactions in between
        await using var check = app.Services.CreateAsyncScope();
        var report = await app.Services.GetRequiredService<AuditChain>().VerifyAsync(Db(check, unit.TenantId));
        Assert.True(report.Intact, report.FirstBreak?.Reason);
    }

    [Fact]
    public async Task A_transaction_rolled_back_or_dropped_leaves_no_audit_entry_and_the_next_save_only_its_own()
    {
        var unit = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Community));
        var tag = "回滚" + Guid.NewGuid().ToString("N")[..6];
        await using var scope = app.Services.CreateAsyncScope();
        var db = Db(scope, unit.TenantId);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.OrgPositions.Add(Position(unit, tag + "撤销"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.OrgPositions.Add(Position(unit, tag + "放弃"));
            await db.SaveChangesAsync();
        } // disposed without a commit
        db.ChangeTracker.Clear();
        db.OrgPositions.Add(Position(unit, tag + "保存"));
        await db.SaveChangesAsync();

        var written = app.WithDb(d => d.AuditEntries.Where(e => e.After!.Contains(tag)).Select(e => e.After!).ToList());
        Assert.Contains(tag + "保存", Assert.Single(written));
        Assert.Equal(1, app.WithDb(d => d.OrgPositions.Count(p => p.PersonName.StartsWith(tag))));
        var report = await app.Services.GetRequiredService<AuditChain>().VerifyAsync(db);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
    }

    static async Task TwoSavesAsync(LianxinDb db, OrgUnit unit, string who, Func<Task>? between)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        db.OrgPositions.Add(Position(unit, who + "1"));
        await db.SaveChangesAsync();
        if (between is not null) await between();
        db.OrgPositions.Add(Position(unit, who + "2"));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    static OrgPosition Position(OrgUnit unit, string name) =>
        new() { OrgUnitId = unit.Id, OrgPath = unit.Path, Title = "委员", PersonName = name, StartedOn = new DateOnly(2026, 1, 1) };

    static IServiceScope AsSystem(IServiceScope scope, Guid tenant)
    {
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        return scope;
    }

    static LianxinDb Db(AsyncServiceScope scope, Guid tenant)
    {
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        return scope.ServiceProvider.GetRequiredService<LianxinDb>();
    }

    async Task WriteAsync(Guid tenant, string detail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = Db(scope, tenant);
        db.AuditEntries.Add(Entry(tenant, detail));
        await db.SaveChangesAsync();
    }

    static AuditEntry Entry(Guid tenant, string detail) => new()
    {
        TenantId = tenant, At = DateTime.UtcNow, UserName = "system", Entity = "Account", EntityId = "test", Action = AuditAction.SignIn, After = detail,
    };

    static bool HoldsChainLock(LianxinDb db, Guid tenant) =>
        db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = {0}::oid AND objid = {1}::oid AND objsubid = 2",
            (uint)AuditInterceptor.LockClass, (uint)AuditInterceptor.LockKey(tenant)).AsEnumerable().Single() == 1;
}
