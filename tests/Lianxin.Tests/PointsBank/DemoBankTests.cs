using Lianxin.Tests.Support;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.PointsBank;

/// <summary>The demo district's bank (seeded through the module's use cases) is a ledger whose check holds, before and after the demo's hours are credited.</summary>
public class DemoBankTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task The_demo_bank_has_its_depositors_merchants_redemptions_and_a_settlement_and_its_ledger_holds()
    {
        var seeded = await App.CheckAsync();
        Assert.True(seeded.Holds, string.Join("\n", seeded.Problems));
        var (depositors, merchants, states, settlements, merchantSettled) = await App.AsSystemAsync(async (_, db) => (
            await db.PbAccounts.CountAsync(a => a.Kind == AccountKind.Depositor && a.Balance > 0),
            await db.PbMerchants.Where(m => m.State == MerchantState.Approved).Select(m => m.Name).ToListAsync(),
            await db.PbRedemptions.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count),
            await db.PbSettlements.CountAsync(),
            await db.PbSettlements.AnyAsync(s => db.Set<Merchant>().Any(m => m.Id == s.MerchantId
                && db.Users.Any(u => u.Id == m.OwnerUserId && u.UserName == "merchant")))));
        Assert.Equal(40, depositors);
        Assert.Equal(5, merchants.Count);
        Assert.Contains("便民超市", merchants);
        Assert.True(states[RedemptionState.Confirmed] >= 10);
        Assert.Equal(2, states[RedemptionState.Voided]);
        Assert.Equal(1, states[RedemptionState.Expired]);
        Assert.Equal(1, settlements);
        Assert.True(merchantSettled);

        // The volunteering demo's confirmed hours reach the bank through the event job, at the community's rates.
        var resident = App.WithDb(db => db.Users.Single(u => u.UserName == "resident").Id);
        var before = await App.BalanceAsync(resident);
        await App.RunJobAsync<EventDispatchJob>();
        Assert.True(await App.BalanceAsync(resident) > before);
        var credited = await App.CheckAsync();
        Assert.True(credited.Holds, string.Join("\n", credited.Problems));
    }
}
