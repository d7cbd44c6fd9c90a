using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering: the activities a person may sign up for (or an organiser runs), as cards that read on a phone.</summary>
public class IndexModel(LianxinDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    public List<ActivityRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanView { get; private set; }
    public bool CanSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务") };
        var rows = await ListActivities.HandleAsync(db, clock, Past, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanManage = db.Scope.CanAnywhere(VolunteeringPermissions.Manage);
        CanView = db.Scope.CanAnywhere(VolunteeringPermissions.View);
        CanSelf = db.Scope.CanAnywhere(VolunteeringPermissions.Self);
        return Page();
    }
}
