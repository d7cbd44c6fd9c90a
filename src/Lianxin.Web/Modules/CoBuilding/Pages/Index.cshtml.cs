using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages;

/// <summary>/cobuilding: the partner units stationed in scope, and links to the 大工委 / 大党委 of the streets and communities.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PartnerKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<PartnerUnitRow> Rows { get; private set; } = new([], 0, 1, ListPartnerUnits.PageSize);
    public List<(Guid Id, string Name)> Committees { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string PagerUrl => $"/cobuilding?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建") };
        var rows = await ListPartnerUnits.HandleAsync(db, org, Q, Kind, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanManage = db.Scope.CanAnywhere(CoBuildingPermissions.Manage);
        Committees = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community)).Take(50)
            .Select(u => (u.Id, u.DisplayName.Replace("党工委", "").Replace("党委", "") + PartnerRules.CommitteeName(u.Kind == OrgKind.Street))).ToList();
        return Page();
    }
}
