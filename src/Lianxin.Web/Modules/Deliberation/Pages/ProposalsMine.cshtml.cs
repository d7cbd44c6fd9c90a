using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/proposals/mine: 我的提议, the signed-in resident's online proposals and the state of their motions.</summary>
public class ProposalsMineModel(LianxinDb db) : PageModel
{
    public List<ProposalRow> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("我的提议") };
        var mine = await MyProposals.HandleAsync(db, ct);
        if (mine.Refusal(this) is { } end) return end;
        Items = mine.Value!;
        return Page();
    }
}
