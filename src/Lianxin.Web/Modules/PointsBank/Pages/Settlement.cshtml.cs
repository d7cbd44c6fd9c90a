using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/settlements/{id}: the printable settlement statement (结算单).</summary>
public class SettlementModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public SettlementStatement? S { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The bank's office keeps the statements; a merchant reaches theirs from the till.
        var back = db.Scope.CanAnywhere(PointsBankPermissions.View) ? new Platform.Shell.Crumb("X贤银行", "/pointsbank") : new Platform.Shell.Crumb("积分兑换", "/pointsbank/shop");
        ViewData["Crumbs"] = new[] { back, new Platform.Shell.Crumb("结算单") };
        var s = await GetSettlementStatement.HandleAsync(db, org, id, ct);
        if (s.Refusal(this) is { } end) return end;
        S = s.Value;
        return Page();
    }
}
