using Lianxin.Web.Modules.Targets.Contracts;
using Lianxin.Web.Modules.Targets.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Targets.Pages;

/// <summary>/targets: the targets the caller's units carry, with how many communities finished and how many are late.</summary>
public class IndexModel(LianxinDb db, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    public List<TargetSummary> Rows { get; private set; } = [];
    public bool CanSet { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("重点任务") };
        var rows = await TargetBoards.ListAsync(db, catalog, clock, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanSet = db.Scope.CanAnywhere(TargetPermissions.TargetManage);
        Today = clock.Today();
        return Page();
    }
}
