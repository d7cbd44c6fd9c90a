using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Honours;

/// <summary>/showcase/honours: honours of the caller's units, filtered by level and recipient kind, searched by text.</summary>
public class IndexModel(LianxinDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public HonourLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public RecipientKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public HonourList List { get; private set; } = new([], 0);
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("荣誉榜") };
        var list = await ListHonours.HandleAsync(db, Level, Kind, Q, ct);
        if (list.Refusal(this) is { } end) return end;
        List = list.Value!;
        CanManage = db.Scope.CanAnywhere(ShowcasePermissions.Manage);
        return Page();
    }
}
