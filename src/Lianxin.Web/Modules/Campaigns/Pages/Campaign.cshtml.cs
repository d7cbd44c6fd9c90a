using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Campaigns.Pages;

/// <summary>/campaigns/{id}: a campaign's progress per community (the street's desktop view), its findings and places; start and close.</summary>
public class CampaignModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public CampaignDetail C { get; private set; } = null!;
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        await (await StartCampaign.HandleAsync(db, clock, id, new CampaignStateRequest(Version), ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "专项行动已启动，各社区可以登记检查了。";
            return Redirect($"/campaigns/{id}");
        }, () => LoadAsync(id, ct), "");

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await (await CloseCampaign.HandleAsync(db, clock, id, new CampaignStateRequest(Version), ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "专项行动已结束。";
            return Redirect($"/campaigns/{id}");
        }, () => LoadAsync(id, ct), "");

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await GetCampaign.HandleAsync(db, org, clock, id, ct);
        if (c.Refusal(this) is { } end) return end;
        C = c.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("专项行动", "/campaigns"), new Platform.Shell.Crumb(C.Title) };
        return null;
    }
}
