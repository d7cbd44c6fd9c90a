using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record RestockRequest(int Change);

/// <summary>The merchant adds (or takes off) stock: one conditional update, so it never drops below zero nor overwrites a sale made meanwhile.</summary>
public static class RestockItem
{
    public static async Task<Outcome<CatalogueItemRow>> HandleAsync(LianxinDb db, TimeProvider clock, Guid itemId, RestockRequest r, CancellationToken ct)
    {
        var merchant = await RedeemAtTill.MerchantOfCallerAsync(db, ct);
        if (merchant is null || !await db.PbItems.AnyAsync(i => i.Id == itemId && i.MerchantId == merchant.Id, ct)) return Failure.NotFound;
        if (r.Change is 0 or < -100000 or > 100000) return Failure.Invalid(nameof(r.Change), "请填写增减的数量（-100000–100000，不为 0）。");
        var n = await db.PbItems.Where(i => i.Id == itemId && i.Stock + r.Change >= 0 && i.Stock + r.Change <= 1000000)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock + r.Change), ct);
        if (n == 0) return Failure.Conflict("库存不能少于 0。");
        var item = await db.PbItems.AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
        return AddCatalogueItem.Row(item, clock.Today());
    }
}
