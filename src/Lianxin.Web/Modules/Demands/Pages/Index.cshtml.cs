using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands: the demands in the caller's scope, filtered and paged.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, PersonalData pd, IOptions<ListOptions> lists) : PageModel
{
    [BindProperty(SupportsGet = true)] public DemandState? State { get; set; }
    [BindProperty(SupportsGet = true)] public DemandLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public ListPage<DemandRow> Rows { get; private set; } = new([], 0, false, 1, 20, null, null);
    public string PagerUrl => $"/demands?state={State}&level={Level}&overdue={Overdue}&q={Uri.EscapeDataString(Q ?? "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求") };
        var found = await DemandQueries.ListAsync(db, org, pd, new DemandFilter { State = State, Level = Level, Overdue = Overdue, Q = Q, Page = Math.Max(1, PageNo), Cursor = Cursor }, lists.Value.CountCap, ct);
        if (found.Refusal(this) is { } end) return end;
        if (found.IsOk) Rows = found.Value!; else Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
