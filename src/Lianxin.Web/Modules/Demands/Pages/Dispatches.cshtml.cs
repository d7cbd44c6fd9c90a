using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands/dispatches: a department's inbox (部门报到): accept, report back, return.</summary>
public class DispatchesModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public List<DispatchInboxRow> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty] public DispatchAnswerRequest Answer { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await DispatchDemand.AnswerAsync(db, org, clock, id, Answer, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = $"已{Answer.Action.Chinese()}。";
            return Redirect("/demands/dispatches");
        }, () => LoadAsync(ct), "Answer");
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("部门报到") };
        var rows = await DispatchInbox.ListAsync(db, clock, null, Overdue, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        return null;
    }
}
