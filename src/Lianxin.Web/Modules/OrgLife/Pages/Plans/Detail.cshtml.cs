using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Plans;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Plans;

/// <summary>/orglife/plans/{id}: the year's planned meetings with what became of each; the branch edits dates, topics and the reminder lead.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public SavePlanInput Input { get; set; } = new();
    public PlanDetail P { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // Rows whose kind was left blank are the empty "add" row.
        Input.Meetings.RemoveAll(m => m.Id is null && m.PlannedOn is null);
        var outcome = await SavePlan.HandleAsync(db, id, Input, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "计划已保存。";
            return Redirect($"/orglife/plans/{id}");
        }, () => LoadAsync(id, ct));
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetPlan.HandleAsync(db, org, clock, id, ct);
        if (outcome.Refusal(this) is { } end) return end;
        P = outcome.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("年度计划", "/orglife/plans"), new Platform.Shell.Crumb($"{P.Branch} {P.Year}") };
        return null;
    }
}
