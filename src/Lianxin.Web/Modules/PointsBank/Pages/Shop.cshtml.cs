using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/shop: the merchant's till on a phone (scan, hold, confirm or void), catalogue and statement; or the application form.</summary>
public class ShopModel(LianxinDb db, OrgDirectory org, TimeProvider clock, DepositorCode codes, PointsBankOptions options) : PageModel
{
    public Shop? Shop { get; private set; }
    [BindProperty] public RedeemRequest Redeem { get; set; } = new();
    [BindProperty] public MerchantApplication Apply { get; set; } = new();
    [BindProperty] public CatalogueItemInput Item { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A fresh request id with every form: a double tap or a resend applies once.
        Redeem = new RedeemRequest { RequestId = Guid.CreateVersion7(), Quantity = 1 };
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostRedeemAsync(CancellationToken ct) =>
        await (await RedeemAtTill.HandleAsync(db, codes, clock, options, Redeem, ct))
            .ToPageAsync(this, v => Redirect($"/pointsbank/shop/redemptions/{v.Id}"), () => LoadAsync(ct), "Redeem");

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct) =>
        await (await ApplyAsMerchant.HandleAsync(db, org, clock, Apply, ct)).ToPageAsync(this, _ => RedirectToPage(), () => LoadAsync(ct), "Apply");

    public async Task<IActionResult> OnPostItemAsync(CancellationToken ct) =>
        await (await AddCatalogueItem.HandleAsync(db, clock, Item, ct)).ToPageAsync(this, _ => RedirectToPage(), () => LoadAsync(ct), "Item");

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("积分兑换") };
        var shop = await GetShop.HandleAsync(db, clock, ct);
        if (shop.Refusal(this) is { } end) return end;
        Shop = shop.Value;
        return null;
    }
}
