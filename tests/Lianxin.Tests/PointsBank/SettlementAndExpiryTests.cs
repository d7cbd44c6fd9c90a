using CsCheck;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.PointsBank;

/// <summary>Settling a merchant's period, expiring old points, and random sequences of everything keeping the ledger whole.</summary>
public class SettlementAndExpiryTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task A_period_is_settled_once_and_old_unspent_points_expire_oldest_first()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "郑师傅");
        await App.ConfirmHoursAsync(user, 600); // 100 points, now
        var shop = await App.ShopAsync(points: 30, stock: 10);
        var id = Guid.CreateVersion7();
        Assert.True((await App.AsAsync(shop.Owner, (sp, db) => RedeemAtTill.HandleAsync(db, sp.GetRequiredService<DepositorCode>(), App.Clock,
            sp.GetRequiredService<PointsBankOptions>(), PointsBankApp.Redeem(id, App.CodeOf(user), shop.ItemId), default))).IsOk);
        Assert.True((await App.AsAsync(shop.Owner, (_, db) => ConfirmRedemption.HandleAsync(db, App.Clock, id, default))).IsOk);
        var day = App.Clock.Today();
        var staff = App.WithDb(db => db.Users.Single(u => u.UserName == "staff").Id);

        var early = await App.AsAsync(staff, (_, db) => SettleMerchant.HandleAsync(db, App.Clock, shop.MerchantId, new SettleRequest(day, day), default));
        Assert.Equal(Lianxin.Web.Platform.OutcomeKind.Invalid, early.Kind); // the day has not ended
        App.Clock.Advance(TimeSpan.FromDays(1));
        var settled = await App.AsAsync(staff, (_, db) => SettleMerchant.HandleAsync(db, App.Clock, shop.MerchantId, new SettleRequest(day.AddDays(-6), day), default));
        Assert.True(settled.IsOk, settled.Message);
        Assert.Equal((30L, 1), (settled.Value!.Points, settled.Value.Redemptions));
        var again = await App.AsAsync(staff, (_, db) => SettleMerchant.HandleAsync(db, App.Clock, shop.MerchantId, new SettleRequest(day.AddDays(-6), day), default));
        Assert.Equal(settled.Value.Id, again.Value!.Id);
        var overlap = await App.AsAsync(staff, (_, db) => SettleMerchant.HandleAsync(db, App.Clock, shop.MerchantId, new SettleRequest(day, day), default));
        Assert.False(overlap.IsOk); // nothing left to settle in that day
        Assert.Equal(0, await App.BalanceAsync(shop.MerchantId));
        var statement = await App.AsAsync(staff, (sp, db) => GetSettlementStatement.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), settled.Value.Id, default));
        Assert.Equal(id, Assert.Single(statement.Value!.Redemptions).Id);

        // Two years on, 10 more points are earned; of the 100 old ones 30 were spent, so 70 expire and the new 10 stay.
        App.Clock.Advance(TimeSpan.FromDays(366 * 2));
        await App.ConfirmHoursAsync(user, 60);
        await App.RunJobAsync<ExpirePointsJob>();
        Assert.Equal(10, await App.BalanceAsync(user));
        await App.RunJobAsync<ExpirePointsJob>();
        Assert.Equal(10, await App.BalanceAsync(user));
    }

    enum Op { Earn, Hold, Confirm, Void, Tick, ExpireHolds, Settle, ExpirePoints }

    [Fact]
    public async Task Random_sequences_of_earning_redeeming_voiding_expiring_and_settling_keep_the_ledger_whole()
    {
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++) people.Add((await App.NewUserAsync(Role.Resident, "随机储户" + i)).Id);
        var shop = await App.ShopAsync(points: 9, stock: 25);
        var staff = App.WithDb(db => db.Users.Single(u => u.UserName == "staff").Id);
        var holds = new List<Guid>();
        var steps = Gen.Select(Gen.Enum<Op>(), Gen.Int[0, 2], Gen.Int[1, 400], Gen.Int[0, 50]).Array[5, 25];

        await steps.SampleAsync(async ops =>
        {
            foreach (var (op, who, n, pick) in ops)
            {
                switch (op)
                {
                    case Op.Earn: await App.ConfirmHoursAsync(people[who], n); break;
                    case Op.Hold:
                        var id = Guid.CreateVersion7();
                        var held = await App.AsAsync(shop.Owner, (sp, db) => RedeemAtTill.HandleAsync(db, sp.GetRequiredService<DepositorCode>(), App.Clock,
                            sp.GetRequiredService<PointsBankOptions>(), PointsBankApp.Redeem(id, App.CodeOf(people[who]), shop.ItemId, 1 + n % 3), default));
                        if (held.IsOk) holds.Add(id);
                        break;
                    case Op.Confirm when holds.Count > 0:
                        await App.AsAsync(shop.Owner, (_, db) => ConfirmRedemption.HandleAsync(db, App.Clock, holds[pick % holds.Count], default)); break;
                    case Op.Void when holds.Count > 0:
                        await App.AsAsync(shop.Owner, (_, db) => VoidRedemption.HandleAsync(db, App.Clock, holds[pick % holds.Count], default)); break;
                    case Op.Tick: App.Clock.Advance(TimeSpan.FromMinutes(n * 7)); break;
                    case Op.ExpireHolds: await App.RunJobAsync<ExpireHoldsJob>(); break;
                    case Op.Settle:
                        var to = App.Clock.Today().AddDays(-1);
                        await App.AsAsync(staff, (_, db) => SettleMerchant.HandleAsync(db, App.Clock, shop.MerchantId, new SettleRequest(to.AddDays(-pick), to), default)); break;
                    case Op.ExpirePoints: App.Clock.Advance(TimeSpan.FromDays(n * 3)); await App.RunJobAsync<ExpirePointsJob>(); break;
                }
            }
            var check = await App.CheckAsync();
            Assert.True(check.Holds, string.Join("\n", check.Problems));
            // Stock on the shelf plus what pending or confirmed redemptions took is what the merchant put there.
            var (stock, taken) = App.WithDb(db => (db.PbItems.Single(i => i.Id == shop.ItemId).Stock,
                db.PbRedemptions.Where(r => r.ItemId == shop.ItemId && (r.State == RedemptionState.Pending || r.State == RedemptionState.Confirmed)).Sum(r => r.Quantity)));
            Assert.Equal(25, stock + taken);
        }, iter: 12, threads: 1);
    }
}
