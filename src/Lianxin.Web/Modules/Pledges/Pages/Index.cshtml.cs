using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Pages;

/// <summary>/pledges: the pledges in scope, the counts per owner, links to the public boards.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public PledgeStatus? Status { get; set; }
    public List<PledgeRow> Rows { get; private set; } = [];
    public PledgeCounts Counts { get; private set; } = new([], []);
    /// <summary>Members' own pledges waiting for the caller (a branch or community secretary).</summary>
    public int Pending { get; private set; }
    public List<(Guid Id, string Name)> Boards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("为民办实事") };
        var rows = await PledgeQueries.ListAsync(db, clock, Status, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        var today = clock.Today();
        Counts = (await PledgeQueries.CountsAsync(db, today.AddYears(-1), today.AddYears(1), ct)).Value ?? Counts;
        Pending = (await ListPendingPledges.HandleAsync(db, ct)).Value?.Count ?? 0;
        Boards = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community)).Take(20).Select(u => (u.Id, u.ShortName)).ToList();
        return Page();
    }
}
