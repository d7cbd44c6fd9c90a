using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation: the motions in scope; "mine" are those waiting for a meeting of the caller's own level.</summary>
public class IndexModel(LianxinDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public MotionState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    public List<MotionRow> Rows { get; private set; } = [];
    public bool CanRaise { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事") };
        var rows = await MotionQueries.ListAsync(db, State, null, Mine, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanRaise = db.Scope.CanAnywhere(DeliberationPermissions.Raise);
        return Page();
    }
}
