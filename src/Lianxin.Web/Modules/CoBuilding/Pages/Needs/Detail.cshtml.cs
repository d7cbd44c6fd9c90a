using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Needs;

/// <summary>/cobuilding/needs/{id}: a need, its matches; staff confirm suggested resources, a liaison answers with their unit's resource.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public MatchRequest Input { get; set; } = new();
    public NeedDetail Need { get; private set; } = null!;
    public bool CanProject { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostMatchAsync(Guid id, CancellationToken ct) =>
        await (await ConfirmMatch.HandleAsync(db, clock, id, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "对接已确认。";
            return Redirect($"/cobuilding/needs/{id}");
        }, () => LoadAsync(id, ct));

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var need = await GetNeed.HandleAsync(db, org, clock, id, ct);
        if (need.Refusal(this) is { } end) return end;
        Need = need.Value!;
        CanProject = Need.CanManage && Need.Matches.Any(m => m.ProjectId is null);
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("需求清单", "/cobuilding/needs"), new Platform.Shell.Crumb(Need.Title) };
        return null;
    }
}
