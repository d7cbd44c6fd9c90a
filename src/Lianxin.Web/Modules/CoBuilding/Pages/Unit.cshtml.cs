using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages;

public class UnitModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public PartnerUnitDetail Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var unit = await GetPartnerUnit.HandleAsync(db, org, id, ct);
        if (unit.Refusal(this) is { } end) return end;
        Unit = unit.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb(Unit.Name) };
        return Page();
    }
}
