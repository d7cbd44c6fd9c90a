using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Brands;

/// <summary>/showcase/brands: the 党建品牌 of the caller's units.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public List<BrandRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("党建品牌") };
        var rows = await ListBrands.HandleAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanManage = db.Scope.CanAnywhere(ShowcasePermissions.Manage);
        return Page();
    }
}
