using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.News;

/// <summary>/showcase/news/{id}: the item; its author submits it, street staff publish it on its channels or return it with a reason.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public NewsDetail N { get; private set; } = null!;
    [BindProperty] public ReviewNewsInput Review { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await SubmitNews.HandleAsync(db, clock, id, new VersionInput { Version = Version }, ct);
        return await outcome.ToPageAsync(this, _ => Done(id, "稿件已提交街道审核。"), () => LoadAsync(id, ct), "");
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => Decide(id, true, "稿件已审核通过并发布。", ct);
    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => Decide(id, false, "稿件已退回，供稿单位修改后可重新提交。", ct);

    async Task<IActionResult> Decide(Guid id, bool approve, string done, CancellationToken ct)
    {
        ModelState.Clear();
        Review.Approve = approve;
        var outcome = await ReviewNews.HandleAsync(db, clock, id, Review, ct);
        return await outcome.ToPageAsync(this, _ => Done(id, done), () => LoadAsync(id, ct), "Review");
    }

    IActionResult Done(Guid id, string flash)
    {
        TempData["Flash"] = flash;
        return Redirect($"/showcase/news/{id}");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await GetNews.HandleAsync(db, org, id, ct);
        if (item.Refusal(this) is { } end) return end;
        N = item.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("宣传稿件", "/showcase/news"), new Platform.Shell.Crumb(N.Title) };
        return null;
    }
}
