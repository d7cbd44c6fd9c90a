using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Public;

/// <summary>/public/news/{streetId}: a street's published news, anonymous and phone-readable (like the pledges board).</summary>
[AllowAnonymous]
public class NewsModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public PublicNewsPage P { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid streetId, CancellationToken ct)
    {
        var page = await PublicNews.ListAsync(db, org, streetId, ct);
        if (page.Refusal(this) is { } end) return end;
        P = page.Value!;
        return Page();
    }
}
