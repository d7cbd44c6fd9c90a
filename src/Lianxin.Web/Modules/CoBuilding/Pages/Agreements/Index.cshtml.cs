using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Agreements;

/// <summary>/cobuilding/agreements: 契约化共建 agreements in scope.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<AgreementRow> Rows { get; private set; } = new([], 0, 1, ListAgreements.PageSize);
    public bool CanCreate { get; private set; }
    public string PagerUrl => $"/cobuilding/agreements?q={Uri.EscapeDataString(Q ?? "")}&year={Year}&status={Status}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("共建协议") };
        var rows = await ListAgreements.HandleAsync(db, org, Q, Year, Status, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanCreate = db.Scope.CanAnywhere(CoBuildingPermissions.Manage);
        return Page();
    }
}
