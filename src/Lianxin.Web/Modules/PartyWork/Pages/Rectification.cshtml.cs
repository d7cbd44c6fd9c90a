using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features.Rectification;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/rectifications/{id}: the plan, its progress with evidence, and the street's exit (验收销号).</summary>
public class RectificationModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public ProgressInput Progress { get; set; } = new();
    [BindProperty] public List<IFormFile> Evidence { get; set; } = [];
    [BindProperty] public ExitInput Exit { get; set; } = new();
    public RectificationDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Progress.On = Exit.On = clock.Today();
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct)
    {
        var (evidence, errors) = await PhotoUpload.ReadAsync(Evidence, ct, "Evidence");
        Outcome<Guid> outcome = errors.Any ? Failure.Invalid(errors) : await RecordRectifyProgress.HandleAsync(db, clock, id, Progress, evidence, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "整顿进展已登记。";
            return Redirect($"/partywork/rectifications/{id}");
        }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostExitAsync(Guid id, CancellationToken ct) =>
        await (await ExitRectification.HandleAsync(db, clock, id, Exit, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已验收销号。";
            return Redirect($"/partywork/rectifications/{id}");
        }, () => LoadAsync(id, ct));

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await GetRectification.HandleAsync(db, org, clock, id, ct);
        if (d.Refusal(this) is { } end) return end;
        Detail = d.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("整顿提升", "/partywork/rectifications"), new Platform.Shell.Crumb(Detail.UnitName) };
        return null;
    }
}
