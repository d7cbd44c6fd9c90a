using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/compounds: each compound in scope with its owners' committee (red or not) and property arrangement.</summary>
public class CompoundsModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock) : PageModel
{
    public List<CompoundRow> Rows { get; private set; } = [];
    /// <summary>Street and district staff set what counts as a 红色业委会 (the link to that page).</summary>
    public bool CanSetRule { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事", "/deliberation"), new Platform.Shell.Crumb("小区自治") };
        var rows = await CompoundQueries.ListAsync(db, org, places, clock, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanSetRule = db.Scope.CanAnywhere(DeliberationPermissions.Rules);
        return Page();
    }
}
