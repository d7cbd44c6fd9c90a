using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Projects;

/// <summary>/cobuilding/projects/new[?need=]: a project from confirmed matches (those of the need ticked) or directly.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public LoopChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? need, CancellationToken ct)
    {
        (Input.StartOn, Input.EndOn) = (clock.Today(), clock.Today().AddMonths(3));
        Input.UnitId = db.Scope.Current?.OrgUnitId;
        if (need is { } id && await GetNeed.HandleAsync(db, org, clock, id, ct) is { IsOk: true } n)
        {
            var open = n.Value!.Matches.Where(m => m.ProjectId is null).ToList();
            (Input.UnitId, Input.Title, Input.MatchIds) = (n.Value.UnitId, n.Value.Title, open.Select(m => m.Id).ToList());
            Input.PartnerUnitIds = open.Select(m => m.PartnerUnitId).Distinct().ToList();
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await CreateProject.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "项目已立项。";
            return Redirect($"/cobuilding/projects/{v.Id}");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("项目清单", "/cobuilding/projects"), new Platform.Shell.Crumb("新建项目") };
        var choices = await GetLoopChoices.HandleAsync(db, org, ct);
        if (choices.Refusal(this) is { } end) return end;
        Choices = choices.Value!;
        return Choices.CanManage ? null : Forbid();
    }
}
