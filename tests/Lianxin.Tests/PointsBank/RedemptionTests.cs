using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.PointsBank;

/// <summary>At the till on the merchant's phone: scan the depositor's code, hold, confirm or void; holds run out; stock and balances never below zero.</summary>
public class RedemptionTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task A_scan_holds_the_points_a_retry_answers_the_same_and_confirming_pays_the_merchant()
    {
        var (user, userName) = await App.NewUserAsync(Role.Resident, "周奶奶");
        await App.ConfirmHoursAsync(user, 300); // 50 points
        var shop = await App.ShopAsync(points: 20, stock: 5);
        var depositor = await App.ApiAs(userName);
        var code = (await (await depositor.PostAsync("/api/v1/pointsbank/me/code", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var till = await App.ApiAs(shop.UserName);
        var id = Guid.CreateVersion7();

        var first = await till.PostAsJsonAsync("/api/v1/pointsbank/redemptions", new { requestId = id, code, itemId = shop.ItemId, quantity = 2 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var hold = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", hold.GetProperty("state").GetString());
        Assert.Equal("周**", hold.GetProperty("depositor").GetString());
        Assert.Equal(10, await App.BalanceAsync(user));

        // The phone lost the answer and sends the scan again: the same hold, nothing taken twice.
        var retry = await till.PostAsJsonAsync("/api/v1/pointsbank/redemptions", new { requestId = id, code, itemId = shop.ItemId, quantity = 2 });
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(10, await App.BalanceAsync(user));
        Assert.Equal(3, Stock(shop.ItemId));

        // Not enough left for another two: refused, nothing held.
        var broke = await till.PostAsJsonAsync("/api/v1/pointsbank/redemptions", new { requestId = Guid.CreateVersion7(), code, itemId = shop.ItemId, quantity = 1 });
        Assert.Equal(HttpStatusCode.Conflict, broke.StatusCode);
        Assert.Contains("积分不足", await broke.Content.ReadAsStringAsync());
        Assert.Equal((10, 3), (await App.BalanceAsync(user), Stock(shop.ItemId)));

        Assert.Equal(HttpStatusCode.OK, (await till.PostAsync($"/api/v1/pointsbank/redemptions/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await till.PostAsync($"/api/v1/pointsbank/redemptions/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await till.PostAsync($"/api/v1/pointsbank/redemptions/{id}/void", null)).StatusCode);
        Assert.Equal(40, await App.BalanceAsync(shop.MerchantId));

        // Another shop cannot touch it; a resident cannot redeem at all.
        var other = await App.ShopAsync(points: 1, stock: 1);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiAs(other.UserName)).PostAsync($"/api/v1/pointsbank/redemptions/{id}/void", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await depositor.PostAsJsonAsync("/api/v1/pointsbank/redemptions", new { requestId = Guid.CreateVersion7(), code, itemId = shop.ItemId })).StatusCode);
    }

    [Fact]
    public async Task A_void_or_an_expired_hold_gives_points_and_stock_back_and_an_old_code_is_refused()
    {
        var (user, _) = await App.NewUserAsync(Role.Member, "吴党员");
        await App.ConfirmHoursAsync(user, 60); // 10 points
        var shop = await App.ShopAsync(points: 4, stock: 2);
        var code = App.CodeOf(user);
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        Assert.True((await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(a, code, shop.ItemId)))).IsOk);
        Assert.True((await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(b, code, shop.ItemId)))).IsOk);
        Assert.Equal((2L, 0), (await App.BalanceAsync(user), Stock(shop.ItemId)));
        var stockOut = await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(Guid.CreateVersion7(), code, shop.ItemId)));
        Assert.Contains("库存不足", stockOut.Message);

        var voided = await App.AsAsync(shop.Owner, (_, db) => VoidRedemption.HandleAsync(db, App.Clock, a, default));
        Assert.Equal(RedemptionState.Voided, voided.Value!.State);
        Assert.Equal((6L, 1), (await App.BalanceAsync(user), Stock(shop.ItemId)));

        // The merchant walks away from the second: after the hold time the job gives it back, and it can no longer be confirmed.
        App.Clock.Advance(TimeSpan.FromMinutes(16));
        var late = await App.AsAsync(shop.Owner, (_, db) => ConfirmRedemption.HandleAsync(db, App.Clock, b, default));
        Assert.False(late.IsOk);
        await App.RunJobAsync<ExpireHoldsJob>();
        Assert.Equal((10L, 2), (await App.BalanceAsync(user), Stock(shop.ItemId)));
        Assert.Equal(RedemptionState.Expired, App.WithDb(db => db.PbRedemptions.Single(r => r.Id == b).State));

        // The code shown 16 minutes ago has expired.
        var stale = await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(Guid.CreateVersion7(), code, shop.ItemId)));
        Assert.Equal(Lianxin.Web.Platform.OutcomeKind.Invalid, stale.Kind);
        Assert.Contains("Code", stale.Errors!.Keys);
    }

    [Fact]
    public async Task A_refused_scan_retried_after_the_depositor_earned_points_or_the_shop_restocked_answers_the_refusal_again()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "郑大爷");
        await App.ConfirmHoursAsync(user, 60); // 10 points
        var shop = await App.ShopAsync(points: 15, stock: 1);
        var code = App.CodeOf(user);
        var scan = PointsBankApp.Redeem(Guid.CreateVersion7(), code, shop.ItemId);

        var refused = await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, scan));
        Assert.Contains("积分不足", refused.Message);

        // Points arrive from elsewhere before the phone retries the scan: the retry still answers the first answer, holds nothing.
        await App.ConfirmHoursAsync(user, 60);
        var retry = await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, scan));
        Assert.Equal((Lianxin.Web.Platform.OutcomeKind.Conflict, refused.Message), (retry.Kind, retry.Message));
        Assert.Equal((20L, 1), (await App.BalanceAsync(user), Stock(shop.ItemId)));
        Assert.False(App.WithDb(db => db.PbRedemptions.Any(r => r.Id == scan.RequestId)));

        // The same id for another item is not the same scan; a new scan is held.
        var other = await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(scan.RequestId, code, shop.ItemId, quantity: 2)));
        Assert.Contains("另一笔兑换", other.Message);
        Assert.True((await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(Guid.CreateVersion7(), code, shop.ItemId)))).IsOk);

        // Out of stock, then restocked: the refused scan stays refused for want of stock.
        var empty = PointsBankApp.Redeem(Guid.CreateVersion7(), code, shop.ItemId);
        Assert.Contains("库存不足", (await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, empty))).Message);
        Assert.True((await App.AsAsync(shop.Owner, (_, db) => RestockItem.HandleAsync(db, App.Clock, shop.ItemId, new RestockRequest(5), default))).IsOk);
        Assert.Contains("库存不足", (await App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, empty))).Message);
        Assert.Equal((5L, 5), (await App.BalanceAsync(user), Stock(shop.ItemId)));
    }

    [Fact]
    public async Task Two_hundred_parallel_redemptions_with_retries_spend_exactly_what_is_affordable()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "并发储户");
        await App.ConfirmHoursAsync(user, 6000); // 1000 points
        var shop = await App.ShopAsync(points: 7, stock: 150); // 142 affordable, 150 in stock
        var code = App.CodeOf(user);
        var till = await App.ApiAs(shop.UserName);
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToList();

        // Every scan is sent twice at once (a phone retrying), all 400 requests together.
        var calls = ids.Concat(ids).Select(async id =>
        {
            var r = await till.PostAsJsonAsync("/api/v1/pointsbank/redemptions", new { requestId = id, code, itemId = shop.ItemId, quantity = 1 });
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            return (id, ok: r.StatusCode == HttpStatusCode.OK);
        }).ToList();
        var results = await Task.WhenAll(calls);

        var held = App.WithDb(db => db.PbRedemptions.Where(r => r.ItemId == shop.ItemId).Select(r => r.Id).ToList());
        Assert.Equal(142, held.Count);
        Assert.Equal(held.Order(), results.Where(r => r.ok).Select(r => r.id).Distinct().Order());
        Assert.Equal(1000 - 142 * 7, await App.BalanceAsync(user));
        Assert.Equal(150 - 142, Stock(shop.ItemId));
        Assert.Equal(142, App.WithDb(db => db.PbTransfers.Count(t => t.Kind == TransferKind.Redeem && t.Key.StartsWith("hold:") && held.Contains(t.CauseId!.Value))));
    }

    [Fact]
    public async Task Two_hundred_parallel_redemptions_stop_at_the_last_item_in_stock()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "库存储户");
        await App.ConfirmHoursAsync(user, 6000); // 1000 points
        var shop = await App.ShopAsync(points: 3, stock: 60);
        var code = App.CodeOf(user);
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToList();
        var outcomes = await Task.WhenAll(ids.Concat(ids).Select(id => App.AsAsync(shop.Owner, (sp, db) => Hold(sp, db, PointsBankApp.Redeem(id, code, shop.ItemId)))));
        Assert.Equal(60, outcomes.Where(o => o.IsOk).Select(o => o.Value!.Id).Distinct().Count());
        Assert.Equal((0, 1000L - 180), (Stock(shop.ItemId), await App.BalanceAsync(user)));
    }

    static Task<Lianxin.Web.Platform.Outcome<RedemptionView>> Hold(IServiceProvider sp, Lianxin.Web.Platform.Data.LianxinDb db, RedeemRequest r) =>
        RedeemAtTill.HandleAsync(db, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DepositorCode>(sp),
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(sp),
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PointsBankOptions>(sp), r, default);

    int Stock(Guid item) => App.WithDb(db => db.PbItems.Single(i => i.Id == item).Stock);
}
