using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.PointsBank.Features;

public class CatalogueItemInput
{
    public string Name { get; set; } = "";
    public int Points { get; set; }
    public int Stock { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

public record CatalogueItemRow(Guid Id, string Name, int Points, int Stock, DateOnly ValidFrom, DateOnly? ValidTo, bool OnOffer);

/// <summary>An approved merchant puts an item in its catalogue: points, stock, the days it can be redeemed.</summary>
public static class AddCatalogueItem
{
    public static async Task<Outcome<CatalogueItemRow>> HandleAsync(LianxinDb db, TimeProvider clock, CatalogueItemInput r, CancellationToken ct)
    {
        var merchant = await RedeemAtTill.MerchantOfCallerAsync(db, ct);
        if (merchant is null) return Failure.Forbidden with { Message = "只有已获批准的X贤商家才能上架商品。" };
        var today = clock.Today();
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写商品名称。");
        e.Max(nameof(r.Name), r.Name, 100, "商品名称");
        if (r.Points is < 1 or > 100000) e.Fail(nameof(r.Points), "所需积分须在 1–100000 之间。");
        if (r.Stock is < 0 or > 100000) e.Fail(nameof(r.Stock), "库存须在 0–100000 之间。");
        var from = r.ValidFrom ?? today;
        if (r.ValidTo is { } to && to < from) e.Fail(nameof(r.ValidTo), "截止日期不能早于开始日期。");
        if (e.Any) return Failure.Invalid(e);
        var item = new CatalogueItem
        {
            MerchantId = merchant.Id, OrgPath = merchant.OrgPath, Name = r.Name.Trim(), Points = r.Points, Stock = r.Stock, ValidFrom = from,
            ValidTo = r.ValidTo, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PbItems.Add(item);
        await db.SaveChangesAsync(ct);
        return Row(item, today);
    }

    internal static CatalogueItemRow Row(CatalogueItem i, DateOnly today) => new(i.Id, i.Name, i.Points, i.Stock, i.ValidFrom, i.ValidTo, i.OnOffer(today));
}
