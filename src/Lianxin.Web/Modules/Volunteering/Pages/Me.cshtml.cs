using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/me: a person's own sign-ups, check-ins and confirmed hours over a period (the last year by default), and the sign-ups still to come.</summary>
public class MeModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public VolunteerRecord? Record { get; private set; }
    public IReadOnlyList<RecordLine> Upcoming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb("我的志愿服务") };
        (From, To) = (from ?? clock.Today().AddYears(-1), to ?? clock.Today());
        var outcome = await MyRecord.HandleAsync(db, org, From, To, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Record = outcome.Value;
        Upcoming = (await MyUpcomingSignups.HandleAsync(db, org, clock, ct)).Value ?? [];
        return Page();
    }
}
