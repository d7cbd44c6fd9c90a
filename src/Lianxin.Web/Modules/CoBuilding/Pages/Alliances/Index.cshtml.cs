using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Alliances;

/// <summary>/cobuilding/alliances: the 党建联盟 of the streets and communities in scope.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public IReadOnlyList<AllianceRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await ListAlliances.HandleAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanManage = db.Scope.CanAnywhere(CoBuildingPermissions.Manage);
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("党建联盟") };
        return Page();
    }
}
