using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Visits;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Visits;

/// <summary>/orglife/visits/new: a grid leader logs a household visit on a phone and, if the household needs help, raises a demand in the same step.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock) : PageModel
{
    [BindProperty] public VisitInput Input { get; set; } = new();
    public VisitFormOptions Options { get; private set; } = new([], new Dictionary<Guid, IReadOnlyList<DemandCategoryOption>>());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.VisitedOn = clock.Today();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await LogVisit.HandleAsync(db, org, places, demands, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = v.DemandTicket is { } t ? $"走访已登记，并已转为诉求 {t}。" : "走访已登记。";
            return Redirect($"/orglife/visits/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("入户走访", "/orglife/visits"), new Platform.Shell.Crumb("登记走访") };
        var options = await VisitForm.HandleAsync(db, org, places, demands, ct);
        if (options.Refusal(this) is { } end) return end;
        Options = options.Value!;
        return null;
    }
}
