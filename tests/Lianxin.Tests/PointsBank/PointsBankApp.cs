using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.PointsBank;

/// <summary>A database of its own per test class, on a clock the tests move; helpers to make people, earn points and act as someone.</summary>
public class PointsBankApp : LianxinApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>和平社区 of the demo district.</summary>
    public (Guid Id, string Path) Heping => WithDb(db => db.OrgUnits.Where(u => u.ShortName == "和平社区党委").Select(u => new ValueTuple<Guid, string>(u.Id, u.Path)).Single());

    /// <summary>A new sign-in account with <paramref name="role"/> at 和平社区 (password: the demo one).</summary>
    public async Task<(Guid Id, string UserName)> NewUserAsync(Role role, string displayName)
    {
        var (unitId, path) = Heping;
        await using var scope = Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId;
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
        var name = "pb" + Guid.NewGuid().ToString("N")[..10];
        var user = new AppUser { UserName = name, DisplayName = displayName, TenantId = tenant, CreatedAt = DateTime.UtcNow };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, DemoSetup.Password);
        Assert.True(created.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        db.RoleGrants.Add(new RoleGrant { TenantId = tenant, UserId = user.Id, Role = role, OrgUnitId = unitId, OrgPath = path, GrantedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (user.Id, name);
    }

    /// <summary>Volunteering confirmed hours (the event the Volunteering module publishes), delivered by the dispatcher.</summary>
    public async Task ConfirmHoursAsync(Guid userId, int minutes, string kind = "巡防", Guid? attendanceId = null, string? communityPath = null)
    {
        var path = communityPath ?? Heping.Path;
        WithDb(db =>
        {
            db.Publish(new VolunteerHoursConfirmed(attendanceId ?? Guid.CreateVersion7(), Guid.CreateVersion7(), "平安巡逻", kind, path, userId, "志愿者",
                minutes, new DateOnly(2026, 11, 1)), Clock.GetUtcNow().UtcDateTime);
            return db.SaveChanges();
        });
        await this.RunJobAsync<EventDispatchJob>();
    }

    /// <summary>Runs a use case as the signed-in <paramref name="userId"/> (their grants loaded as the middleware does), with a fresh DbContext.</summary>
    public async Task<T> AsAsync<T>(Guid userId, Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var tenant = sp.GetRequiredService<Tenancy>().DefaultTenantId;
        var db = sp.GetRequiredService<LianxinDb>();
        var grants = await db.RoleGrants.IgnoreQueryFilters().AsNoTracking().Where(g => g.UserId == userId).ToListAsync();
        sp.GetRequiredService<OrgScope>().SetUser(userId, "test", tenant, grants, null);
        return await work(sp, db);
    }

    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    public Task<long> BalanceAsync(Guid userId) => AsSystemAsync(async (_, db) =>
        await db.PbAccounts.Where(a => a.OwnerId == userId).SumAsync(a => (long?)a.Balance) ?? 0);

    public Task<LedgerCheck> CheckAsync() => AsSystemAsync(async (_, db) => (await CheckLedger.HandleAsync(db, default)).Value!);

    /// <summary>An approved shop run by a new 商家 account, with one item; answers the owner and the item.</summary>
    public async Task<(Guid Owner, string UserName, Guid MerchantId, Guid ItemId)> ShopAsync(int points, int stock)
    {
        var owner = await NewUserAsync(Role.Merchant, "商家");
        var staff = WithDb(db => db.Users.Single(u => u.UserName == "staff").Id);
        var m = await AsAsync(owner.Id, (sp, db) => ApplyAsMerchant.HandleAsync(db, sp.GetRequiredService<Lianxin.Web.Modules.Organizations.Contracts.OrgDirectory>(), Clock,
            new MerchantApplication { Name = "测试小店" + owner.UserName[^4..], Address = "和平路 1 号", ContactName = "店主", Phone = "13800000000" }, default));
        Assert.True(m.IsOk, m.Message);
        var ok = await AsAsync(staff, (_, db) => DecideMerchant.HandleAsync(db, Clock, m.Value!.Id, new DecideMerchantRequest(true, null, m.Value!.Version), default));
        Assert.True(ok.IsOk, ok.Message);
        var item = await AsAsync(owner.Id, (_, db) => AddCatalogueItem.HandleAsync(db, Clock, new CatalogueItemInput { Name = "洗衣液", Points = points, Stock = stock }, default));
        Assert.True(item.IsOk, item.Message);
        return (owner.Id, owner.UserName, m.Value!.Id, item.Value!.Id);
    }

    public string CodeOf(Guid userId) => Services.GetRequiredService<DepositorCode>().Issue(userId).Code;

    public static RedeemRequest Redeem(Guid requestId, string code, Guid itemId, int quantity = 1) =>
        new() { RequestId = requestId, Code = code, ItemId = itemId, Quantity = quantity };
}

/// <summary>Every test of the module ends with the ledger check: balances equal their entries, add up to zero, none negative, no stock below zero.</summary>
public abstract class LedgerTest(PointsBankApp app) : IAsyncLifetime
{
    protected PointsBankApp App => app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var check = await app.CheckAsync();
        Assert.True(check.Holds, string.Join("\n", check.Problems));
        Assert.Equal(0, check.BalanceSum);
    }
}
