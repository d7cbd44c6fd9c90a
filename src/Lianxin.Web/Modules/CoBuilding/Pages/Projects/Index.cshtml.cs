using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Projects;

/// <summary>/cobuilding/projects: the 项目清单 in scope.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<ProjectRow> Rows { get; private set; } = new([], 0, 1, ListProjects.PageSize);
    public bool CanCreate { get; private set; }
    public string PagerUrl => $"/cobuilding/projects?q={Uri.EscapeDataString(Q ?? "")}&status={Status}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("项目清单") };
        var rows = await ListProjects.HandleAsync(db, org, Q, Status, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanCreate = db.Scope.CanAnywhere(CoBuildingPermissions.Manage);
        return Page();
    }
}
