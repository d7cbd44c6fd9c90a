using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands/mine: a resident's own demands (filed while signed in) with their state and a link to the tracking page.</summary>
[Authorize]
public class MineModel(LianxinDb db) : PageModel
{
    public List<MyDemandRow> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "我的诉求";
        var list = await MyDemands.ListAsync(db, ct);
        if (!list.IsOk) return Forbid();
        Items = list.Value!;
        return Page();
    }
}
