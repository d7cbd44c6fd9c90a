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
            await dbA.SaveChangesAsync(); // chained; the transaction (and on PostgreSQL tenant A's chain lock) stays open
            if (TestDatabase.IsPostgres)
            {
                Assert.True(app.WithDb(db => HoldsChainLock(db, tenantA)), "tenant A's chain lock should be held by its open transaction");
                // Tenant B appends to its own chain while A's transaction still holds A's lock: with one global lock this save would wait for A.
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
