using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Projects;

public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public DoneRequest Done { get; set; } = new();
    public ProjectDetail Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, Guid milestoneId, CancellationToken ct) =>
        await Answer(id, await CompleteMilestone.HandleAsync(db, clock, id, milestoneId, new DoneRequest(), ct), "里程碑已完成。", ct);

    public async Task<IActionResult> OnPostDoneAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await FinishProject.HandleAsync(db, clock, id, Done, ct), "项目已完成。", ct);

    async Task<IActionResult> Answer(Guid id, Outcome<LoopSaved> outcome, string done, CancellationToken ct) =>
        await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = done;
            return Redirect($"/cobuilding/projects/{id}");
        }, () => LoadAsync(id, ct), "Done");

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await GetProject.HandleAsync(db, org, id, ct);
        if (p.Refusal(this) is { } end) return end;
        Project = p.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("项目清单", "/cobuilding/projects"), new Platform.Shell.Crumb(Project.Title) };
        return null;
    }
}
