using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Contracts;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Venues.Pages;

/// <summary>/venues: the venues in scope with their state, functions and 六有 count.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public List<VenueRow> Rows { get; private set; } = [];
    /// <summary>Whether the caller may register a venue somewhere (the 登记阵地 button).</summary>
    public bool CanRegister { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("阵地") };
        var rows = await VenueQueries.ListAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanRegister = db.Scope.CanAnywhere(VenuePermissions.VenueManage);
        return Page();
    }
}
