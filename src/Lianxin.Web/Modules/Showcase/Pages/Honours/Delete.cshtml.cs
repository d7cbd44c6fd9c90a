using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Honours;

/// <summary>/showcase/honours/{id}/delete: what is about to be deleted, and the confirmation.</summary>
public class DeleteModel(LianxinDb db) : PageModel
{
    public HonourRow H { get; private set; } = null!;
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? (H.CanManage ? Page() : Forbid());

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await DeleteHonour.HandleAsync(db, id, Version, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "荣誉已删除。";
            return Redirect("/showcase/honours");
        }, () => LoadAsync(id, ct), "");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("荣誉榜", "/showcase/honours"), new Platform.Shell.Crumb("删除荣誉") };
        var h = await GetHonour.HandleAsync(db, id, ct);
        if (h.Refusal(this) is { } end) return end;
        H = h.Value!;
        return null;
    }
}
