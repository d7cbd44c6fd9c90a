using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class RectificationsModel(LianxinDb db, TimeProvider clock) : ReviewPageModel(db)
{
    public List<RectificationRow> Rows { get; private set; } = [];
    public bool OpenOnly { get; private set; }
    /// <summary>The photos of the findings behind the listed rectifications.</summary>
    public List<PhotoRef> Photos { get; private set; } = [];
    public bool Manages => Db.Scope.CanAnywhere(ReviewPermissions.ReviewManage);

    public async Task<IActionResult> OnGetAsync(bool? all, CancellationToken ct) => await ShowAsync(all != true, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, RectificationState state, string? evidence, string? note, int version, CancellationToken ct)
    {
        var outcome = await Features.Rectifications.UpdateAsync(Db, clock, id, new RectificationUpdate { State = state, Evidence = evidence, Note = note, Version = version }, ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = $"整改已更新为“{ReviewFlow.Chinese(state)}”。";
            return Redirect("/reviews/rectifications");
        }
        if (await ShowAsync(true, ct) is { } refused) return refused;
        return outcome.ToPage(this, _ => Page(), "");
    }

    /// <summary>Loads the list; a refusal (no ReviewView anywhere) to answer instead of the page.</summary>
    async Task<IActionResult?> ShowAsync(bool openOnly, CancellationToken ct)
    {
        OpenOnly = openOnly;
        var rows = await Features.Rectifications.ListAsync(Db, clock, null, null, openOnly, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        Photos = await ReviewPhotos.OfFindingsAsync(Db, Rows.Select(r => r.FindingId).ToList(), ct);
        ViewData["Title"] = "整改任务";
        Crumbs(new Crumb("整改任务"));
        return null;
    }
}
