using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.PartyWork.Features.Rectification;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/rectifications: units under rectification with the figures per street, and the street's suggested candidates.</summary>
public class RectificationsModel(LianxinDb db, OrgDirectory org, ReviewDirectory reviews, OrgLifeDirectory orgLife, TimeProvider clock) : PageModel
{
    public RectificationList List { get; private set; } = null!;
    public IReadOnlyList<RectifyCandidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("整顿提升") };
        var list = await ListRectifications.HandleAsync(db, org, clock, ct);
        if (list.Refusal(this) is { } end) return end;
        List = list.Value!;
        if (List.CanRectify && (await SuggestRectification.HandleAsync(db, org, reviews, orgLife, clock, ct)).Value is { } c) Candidates = c;
        return Page();
    }
}
