using Lianxin.Web.Platform.Cli;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary><c>pointsbank-check</c>: proves every district's ledger (<see cref="CheckLedger"/>); exit code 1 when any does not hold.</summary>
public static class PointsBankCheckCommand
{
    public static readonly CliCommand Command = new("pointsbank-check", async (services, _) =>
    {
        await DatabaseSetup.MigrateAsync(services);
        IReadOnlyList<Guid> tenants;
        using (var first = services.CreateScope())
            tenants = await first.ServiceProvider.GetRequiredService<Tenancy>().TenantIdsAsync(first.ServiceProvider.GetRequiredService<LianxinDb>(), default);
        var failed = false;
        foreach (var tenant in tenants)
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            var check = (await CheckLedger.HandleAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), default)).Value!;
            Console.WriteLine($"{tenant}: {check.Accounts} 个账户，{check.Transfers} 笔分录，余额合计 {check.BalanceSum}，储户积分 {check.Outstanding}：{(check.Holds ? "账实相符" : "发现问题")}");
            foreach (var p in check.Problems) Console.WriteLine("  " + p);
            failed |= !check.Holds;
        }
        return failed ? 1 : 0;
    });
}
