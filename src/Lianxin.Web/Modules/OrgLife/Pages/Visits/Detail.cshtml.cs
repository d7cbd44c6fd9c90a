using Lianxin.Web.Modules.OrgLife.Features.Visits;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Visits;

public class DetailModel(LianxinDb db) : PageModel
{
    public VisitDetail V { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetVisit.HandleAsync(db, id, ct);
        if (outcome.Refusal(this) is { } end) return end;
        V = outcome.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("入户走访", "/orglife/visits"), new Platform.Shell.Crumb(V.Address) };
        return Page();
    }
}
