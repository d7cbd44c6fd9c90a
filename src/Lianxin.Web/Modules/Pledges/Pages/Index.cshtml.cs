using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
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
public class IndexModel(LianxinDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public PledgeStatus? Status { get; set; }
    public List<PledgeRow> Rows { get; private set; } = [];
    public List<PledgeCount> Counts { get; private set; } = [];
    public List<(Guid Id, string Name)> Boards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("为民办实事") };
        var rows = await PledgeQueries.ListAsync(db, clock, Status, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        var today = clock.Today();
        Counts = (await PledgeQueries.CountsAsync(db, today.AddYears(-1), today.AddYears(1), ct)).Value ?? [];
        Boards = (await db.OrgUnits.Where(u => (u.Kind == OrgKind.Street || u.Kind == OrgKind.Community) && u.Status == OrgStatus.Active)
            .OrderBy(u => u.Path).Take(20).Select(u => new { u.Id, u.ShortName }).ToListAsync(ct)).Select(u => (u.Id, u.ShortName)).ToList();
        return Page();
    }
}
