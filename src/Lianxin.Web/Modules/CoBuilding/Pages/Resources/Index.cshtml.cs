using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Resources;

/// <summary>/cobuilding/resources: the 资源清单 of units stationed in scope.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public SupplyKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Available { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<ResourceRow> Rows { get; private set; } = new([], 0, 1, ListResources.PageSize);
    public bool CanPublish { get; private set; }
    public bool IsLiaison { get; private set; }
    public string PagerUrl => $"/cobuilding/resources?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&available={Available}&mine={Mine}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("资源清单") };
        var rows = await ListResources.HandleAsync(db, clock, Q, Kind, Available, Mine, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        var choices = (await GetLoopChoices.HandleAsync(db, org, ct)).Value!;
        IsLiaison = choices.MyUnits.Count > 0;
        CanPublish = IsLiaison || db.Scope.CanAnywhere(CoBuildingPermissions.Manage);
        return Page();
    }
}
