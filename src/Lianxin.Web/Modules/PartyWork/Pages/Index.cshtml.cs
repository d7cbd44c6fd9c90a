using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork: the pipeline board of a branch, a community or the street (who is where, since when, what is due).</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public RecruitStage? Stage { get; set; }
    public Board Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("发展党员") };
        var board = await PipelineBoard.HandleAsync(db, org, clock, Unit, Stage, ct);
        if (board.Refusal(this) is { } end) return end;
        Board = board.Value!;
        return Page();
    }
}
