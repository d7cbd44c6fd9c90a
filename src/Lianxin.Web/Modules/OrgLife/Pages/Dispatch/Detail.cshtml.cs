using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Dispatch;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Dispatch;

/// <summary>/orglife/dispatch/{id}: the agenda as pulled, the action items (add, close) and what became of last week's.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public ActionItemInput Input { get; set; } = new();
    public DispatchMeetingDetail M { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var outcome = await ActionItems.AddAsync(db, clock, id, Input, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "事项已添加。";
            return Redirect($"/orglife/dispatch/{id}");
        }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid itemId, string? note, CancellationToken ct)
    {
        var outcome = await ActionItems.CloseAsync(db, clock, itemId, new CloseItemInput { Note = note }, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "事项已办结。";
            return Redirect($"/orglife/dispatch/{id}");
        }, () => LoadAsync(id, ct), prefix: "");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetDispatchMeeting.HandleAsync(db, org, clock, id, ct);
        if (outcome.Refusal(this) is { } end) return end;
        M = outcome.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("周调度", "/orglife/dispatch"), new Platform.Shell.Crumb($"{M.Community} {M.HeldOn:yyyy-MM-dd}") };
        return null;
    }
}
