using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Agreements;

/// <summary>/cobuilding/agreements/{id}: obligations and their fulfilment; a unit's liaison reports its own with photos, staff rate and close.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public FulfilmentRequest Report { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    [BindProperty] public RatingRequest Rate { get; set; } = new();
    [BindProperty] public CloseAgreementRequest Close { get; set; } = new();
    public AgreementDetail Agreement { get; private set; } = null!;
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid obligationId, CancellationToken ct)
    {
        var (photos, errors) = await PhotoUpload.ReadAsync(Photos, ct);
        if (errors.Any)
        {
            // Bad photos: nothing is recorded, the form says why.
            ModelState.Clear();
            foreach (var m in errors["Photos"]) ModelState.AddModelError("Report.Photos", m);
            return await LoadAsync(id, ct) ?? Page();
        }
        return await Answer(id, await ReportFulfilment.HandleAsync(db, clock, obligationId, Report, photos, ct), "Report",
            photos.Count > 0 ? $"履约已登记，附照片 {photos.Count} 张。" : "履约已登记。", ct);
    }

    public async Task<IActionResult> OnPostRateAsync(Guid id, Guid obligationId, CancellationToken ct) =>
        await Answer(id, await RateFulfilment.HandleAsync(db, obligationId, Rate, ct), "Rate", "评价已保存。", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await CloseAgreement.HandleAsync(db, clock, id, Close, ct), "Close", "协议已关闭。", ct);

    async Task<IActionResult> Answer(Guid id, Outcome<LoopSaved> outcome, string prefix, string done, CancellationToken ct) =>
        await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = done;
            return Redirect($"/cobuilding/agreements/{id}");
        }, () => LoadAsync(id, ct), prefix);

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await GetAgreement.HandleAsync(db, org, id, ct);
        if (a.Refusal(this) is { } end) return end;
        Agreement = a.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共建协议", "/cobuilding/agreements"), new Platform.Shell.Crumb(Agreement.Title) };
        return null;
    }
}
