using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Public;

/// <summary>/public/news/{streetId}/{id}: one published item; drafts, items under review and returned ones are not found.</summary>
[AllowAnonymous]
public class NewsItemModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public PublicNewsItem N { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid streetId, Guid id, CancellationToken ct)
    {
        var item = await PublicNews.ItemAsync(db, org, streetId, id, ct);
        if (item.Refusal(this) is { } end) return end;
        N = item.Value!;
        return Page();
    }
}
