using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/figures: activities, people, hours and repeat volunteers per community and team for a period (the last month by default).</summary>
public class FiguresModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public FiguresReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb("志愿服务统计") };
        (From, To) = (from ?? clock.Today().AddMonths(-1), to ?? clock.Today());
        var outcome = await VolunteeringFigures.HandleAsync(db, org, From, To, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Report = outcome.Value;
        return Page();
    }
}
