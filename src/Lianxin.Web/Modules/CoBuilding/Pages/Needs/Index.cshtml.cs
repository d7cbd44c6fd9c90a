using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Needs;

/// <summary>/cobuilding/needs: the 需求清单 in scope.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public SupplyKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public NeedStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<NeedRow> Rows { get; private set; } = new([], 0, 1, ListNeeds.PageSize);
    public bool CanPublish { get; private set; }
    public string PagerUrl => $"/cobuilding/needs?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&status={Status}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("需求清单") };
        var rows = await ListNeeds.HandleAsync(db, org, Q, Kind, Status, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanPublish = db.Scope.CanAnywhere(CoBuildingPermissions.Manage);
        return Page();
    }
}
