using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Pledges.Pages;

/// <summary>/pledges/approvals: the branch (or community) secretary approves members' own pledges or returns them with a reason.</summary>
public class ApprovalsModel(LianxinDb db, TimeProvider clock) : PageModel
{
    public List<PendingPledge> Rows { get; private set; } = [];
    [BindProperty] public PledgeDecision Decision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => Decide(id, true, "已审核通过，承诺已在为民解忧榜公开。", ct);
    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => Decide(id, false, "已退回，党员修改后可重新提交。", ct);

    async Task<IActionResult> Decide(Guid id, bool approve, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await DecideOwnPledge.HandleAsync(db, clock, id, approve, Decision, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = done;
            return Redirect("/pledges/approvals");
        }, () => LoadAsync(ct), "Decision");
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("为民办实事", "/pledges"), new Platform.Shell.Crumb("党员承诺审核") };
        var rows = await ListPendingPledges.HandleAsync(db, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        return null;
    }
}
