using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife: the meetings of the branches in scope, newest first.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public MeetingKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Branch { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<MeetingRow> Rows { get; private set; } = new([], 0, 1, ListMeetings.PageSize);
    public bool CanRecord { get; private set; }
    public string PagerUrl => $"/orglife?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&branch={Branch}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活") };
        var rows = await ListMeetings.HandleAsync(db, org, Q, Kind, Branch, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanRecord = db.Scope.CanAnywhere(OrgLifePermissions.Record);
        return Page();
    }
}
