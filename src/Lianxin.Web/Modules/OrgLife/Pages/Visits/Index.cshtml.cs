using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Visits;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Visits;

/// <summary>/orglife/visits: the visits in scope over a period, visits per person, household coverage and demands raised.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public VisitReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("入户走访") };
        var outcome = await ListVisits.HandleAsync(db, org, places, clock, Unit, From, To, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Report = outcome.Value;
        return Page();
    }
}
