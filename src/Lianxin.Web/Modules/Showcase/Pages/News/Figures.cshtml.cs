using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.News;

/// <summary>/showcase/news/figures: items published per community per month.</summary>
public class FiguresModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public NewsFigureTable F { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("宣传稿件", "/showcase/news"), new Platform.Shell.Crumb("发布统计") };
        var year = Year is >= 2000 and <= 2100 ? Year.Value : clock.Today().Year;
        var table = await NewsFigures.HandleAsync(db, org, year, ct);
        if (table.Refusal(this) is { } end) return end;
        F = table.Value!;
        return Page();
    }
}
