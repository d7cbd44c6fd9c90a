using Lianxin.Web.Modules.Targets.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Targets.Pages;

/// <summary>/targets/{id}: completion by community, who finished first, laggards past the deadline in red; communities report manual targets here.</summary>
public class DetailModel(LianxinDb db, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    public TargetBoard Board { get; private set; } = null!;
    [BindProperty] public ReportProgressRequest Report { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid partId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await ReportProgress.HandleAsync(db, clock, partId, Report, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = v.Completed ? "进度已填报，已完成该任务。" : "进度已填报。";
            return Redirect($"/targets/{id}");
        }, () => LoadAsync(id, ct), "Report");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var board = await TargetBoards.BoardAsync(db, catalog, clock, id, ct);
        if (board.Refusal(this) is { } end) return end;
        Board = board.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("重点任务", "/targets"), new Platform.Shell.Crumb(Board.Target.Title) };
        return null;
    }
}
