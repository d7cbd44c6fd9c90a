using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands: the demands in the caller's scope, filtered and paged.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, PersonalData pd) : PageModel
{
    [BindProperty(SupportsGet = true)] public DemandState? State { get; set; }
    [BindProperty(SupportsGet = true)] public DemandLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<DemandRow> Rows { get; private set; } = new([], 0, 1, 20);
    public string PagerUrl => $"/demands?state={State}&level={Level}&overdue={Overdue}&q={Uri.EscapeDataString(Q ?? "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求") };
        var found = await DemandQueries.ListAsync(db, org, pd, new DemandFilter { State = State, Level = Level, Overdue = Overdue, Q = Q, Page = Math.Max(1, PageNo) }, ct);
        if (found.Refusal(this) is { } end) return end;
        if (found.IsOk) Rows = found.Value!;
        return Page();
    }
}
