using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.News;

/// <summary>/showcase/news: the news items of the caller's units by state; the street's queue is 待街道审核.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public NewsState? State { get; set; }
    public List<NewsRow> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public List<(Guid Id, string Name)> Streets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("宣传稿件") };
        var rows = await ListNews.HandleAsync(db, org, State, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanWrite = db.Scope.CanAnywhere(ShowcasePermissions.NewsWrite);
        Streets = (await org.InScopeAsync(ct, true, OrgKind.Street)).Select(s => (s.Id, s.PublicName)).ToList();
        return Page();
    }
}
