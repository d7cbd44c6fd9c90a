using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/figures: motions and where they were settled, days to settle, committee and property coverage, by community.</summary>
public class FiguresModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public DeliberationFiguresDto F { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事", "/deliberation"), new Platform.Shell.Crumb("议事统计") };
        var f = await DeliberationFigures.HandleAsync(db, org, places, catalog, clock, From, To, ct);
        if (f.Refusal(this) is { } end) return end;
        F = f.Value!;
        return Page();
    }
}
