using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Needs;

public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public NeedInput Input { get; set; } = new() { Quantity = 1 };
    public LoopChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.UnitId = db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await PublishNeed.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "需求已发布。";
            return Redirect($"/cobuilding/needs/{v.Id}");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("需求清单", "/cobuilding/needs"), new Platform.Shell.Crumb("发布需求") };
        var choices = await GetLoopChoices.HandleAsync(db, org, ct);
        if (choices.Refusal(this) is { } end) return end;
        Choices = choices.Value!;
        return Choices.CanManage ? null : Forbid();
    }
}
