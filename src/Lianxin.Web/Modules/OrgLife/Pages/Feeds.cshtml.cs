using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife/feeds: each branch's private iCalendar URL, issued and reset here.</summary>
public class FeedsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FeedRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid branchId, CancellationToken ct) =>
        await (await ResetFeedToken.HandleAsync(db, org, clock, branchId, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "订阅链接已更新，旧链接已失效。";
            return Redirect("/orglife/feeds");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("日历订阅") };
        var rows = await ListFeeds.HandleAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        return null;
    }
}
