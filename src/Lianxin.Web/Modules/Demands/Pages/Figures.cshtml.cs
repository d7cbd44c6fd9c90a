using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands/figures: the figures of a subtree (default: the caller's current unit) for a period.</summary>
public class FiguresModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public DemandFiguresDto? F { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求", "/demands"), new Platform.Shell.Crumb("诉求统计") };
        var f = await DemandFigures.HandleAsync(db, org, clock, UnitId, From, To, ct);
        if (f.Refusal(this) is { } end) return end;
        F = f.Value;
        return Page();
    }
}
