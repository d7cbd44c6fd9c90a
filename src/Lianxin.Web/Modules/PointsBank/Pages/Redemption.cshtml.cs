using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/shop/redemptions/{id}: one hold at the till, to confirm (hand over the goods) or void.</summary>
public class RedemptionModel(LianxinDb db, TimeProvider clock) : PageModel
{
    public RedemptionView? R { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("积分兑换", "/pointsbank/shop"), new Platform.Shell.Crumb("兑换") };
        var merchant = await RedeemAtTill.MerchantOfCallerAsync(db, ct);
        var x = merchant is null ? null : await db.PbRedemptions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.MerchantId == merchant.Id, ct);
        if (x is null) return NotFound();
        R = await RedeemAtTill.ViewAsync(db, x, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        await (await ConfirmRedemption.HandleAsync(db, clock, id, ct)).ToPageAsync(this, _ => RedirectToPage(new { id }), async () => (IActionResult?)await OnGetAsync(id, ct));

    public async Task<IActionResult> OnPostVoidAsync(Guid id, CancellationToken ct) =>
        await (await VoidRedemption.HandleAsync(db, clock, id, ct)).ToPageAsync(this, _ => RedirectToPage(new { id }), async () => (IActionResult?)await OnGetAsync(id, ct));
}
