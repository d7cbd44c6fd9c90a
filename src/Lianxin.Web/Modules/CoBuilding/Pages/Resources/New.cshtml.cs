using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Resources;

/// <summary>A liaison publishes a resource of their own unit; staff for any unit stationed in their streets.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public ResourceInput Input { get; set; } = new() { Quantity = 1 };
    public IReadOnlyList<PartnerChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Input.AvailableFrom, Input.AvailableTo) = (clock.Today(), clock.Today().AddMonths(6));
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await PublishResource.HandleAsync(db, clock, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "资源已发布。";
            return Redirect("/cobuilding/resources?mine=true");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("资源清单", "/cobuilding/resources"), new Platform.Shell.Crumb("发布资源") };
        var choices = await GetLoopChoices.HandleAsync(db, org, ct);
        if (choices.Refusal(this) is { } end) return end;
        Units = choices.Value!.MyUnits.Concat(choices.Value.PartnerUnits).DistinctBy(u => u.Id).ToList();
        return Units.Count == 0 ? Forbid() : null;
    }
}
