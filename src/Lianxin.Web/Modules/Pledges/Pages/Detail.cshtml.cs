using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Pledges.Pages;

public class DetailModel(LianxinDb db, DemandDirectory demands, TimeProvider clock) : PageModel
{
    public PledgeDetailDto P { get; private set; } = null!;
    [BindProperty] public ProgressRequest Progress { get; set; } = new();
    [BindProperty] public LinkDemandRequest Link { get; set; } = new();
    [BindProperty] public ClosePledgeRequest Close { get; set; } = new();
    [BindProperty] public PublishPledgeRequest Publish { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct)
    {
        var (photos, errors) = await PhotoUpload.ReadAsync(Photos, ct, "Photos");
        if (errors.Any)
        {
            // Bad photos: nothing is recorded, the form says why.
            ModelState.Clear();
            foreach (var m in errors["Photos"]) ModelState.AddModelError("Progress.Photos", m);
            return await LoadAsync(id, ct) ?? Page();
        }
        return await Do(id, PledgeProgress.AddAsync(db, clock, id, Progress, ct, photos), "Progress", photos.Count > 0 ? $"进度已登记，附照片 {photos.Count} 张。" : "进度已登记。", ct);
    }


    public Task<IActionResult> OnPostTaskAsync(Guid id, Guid taskId, CancellationToken ct) => Do(id, PledgeProgress.TaskDoneAsync(db, clock, id, taskId, ct), "", "任务已完成。", ct);
    public Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct) => Do(id, PledgeProgress.LinkDemandAsync(db, demands, id, Link, ct), "Link", "已关联诉求。", ct);
    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => Do(id, PledgeProgress.PublishAsync(db, id, Publish, ct), "Publish", "承诺事项已发布。", ct);
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => Do(id, PledgeProgress.CloseAsync(db, clock, id, Close, ct), "Close", "承诺事项已办结。", ct);

    async Task<IActionResult> Do(Guid id, Task<Outcome<PledgeSaved>> work, string prefix, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await work;
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = done;
            return Redirect($"/pledges/{id}");
        }, () => LoadAsync(id, ct), prefix);
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await PledgeQueries.DetailAsync(db, demands, clock, id, ct);
        if (p.Refusal(this) is { } end) return end;
        P = p.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("为民办实事", "/pledges"), new Platform.Shell.Crumb(P.Title) };
        return null;
    }
}
