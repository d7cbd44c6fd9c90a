using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Sites;

/// <summary>/showcase/sites: model sites with their 十大标准 score, those past their review date first and in red.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, ReviewScoreDirectory reviews, TimeProvider clock) : PageModel
{
    public List<ModelSiteRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("示范点") };
        var rows = await ListModelSites.HandleAsync(db, org, reviews, clock, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanManage = db.Scope.CanAnywhere(ShowcasePermissions.SiteManage);
        return Page();
    }
}
