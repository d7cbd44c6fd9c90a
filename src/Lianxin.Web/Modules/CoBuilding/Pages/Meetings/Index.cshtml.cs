using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Meetings;

/// <summary>/cobuilding/committees/{unit}/meetings?year=: a committee's 例会 of a year, the quarters without one marked 欠开.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public MeetingYear Year { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int? year, CancellationToken ct)
    {
        var y = await ListCommitteeMeetings.HandleAsync(db, org, clock, id, year, ct);
        if (y.Refusal(this) is { } end) return end;
        if (!y.IsOk) y = await ListCommitteeMeetings.HandleAsync(db, org, clock, id, null, ct);
        Year = y.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb(Year.CommitteeName, $"/cobuilding/committees/{id}"), new Platform.Shell.Crumb("例会") };
        return Page();
    }
}
