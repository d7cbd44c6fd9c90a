using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Campaigns.Pages;

/// <summary>/campaigns: the campaigns over the caller's places.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public CampaignList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("专项行动") };
        var list = await ListCampaigns.HandleAsync(db, org, clock, ct);
        if (list.Refusal(this) is { } end) return end;
        List = list.Value!;
        return Page();
    }
}
