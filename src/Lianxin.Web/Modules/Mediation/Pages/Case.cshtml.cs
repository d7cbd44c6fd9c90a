using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Mediation.Pages;

/// <summary>/mediation/cases/{id}: a case for its team and its community's staff (404 for anyone else); sessions, outcome with agreement, follow-up.</summary>
public class CaseModel(LianxinDb db, OrgDirectory org, PersonalData personal, TimeProvider clock) : PageModel
{
    [BindProperty] public SessionRequest Session { get; set; } = new();
    [BindProperty] public CloseCaseRequest Close { get; set; } = new();
    [BindProperty] public FollowUpRequest FollowUp { get; set; } = new();
    [BindProperty] public List<IFormFile> Agreement { get; set; } = [];
    public CaseDetail C { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Session.HeldOn = FollowUp.On = Close.ClosedOn = clock.Today();
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var f = await CaseFiles.ReadAsync(db, id, fileId, false, ct);
        if (f.Refusal(this) is { } end) return end;
        return File(f.Value!.Bytes, f.Value.ContentType);
    }

    public async Task<IActionResult> OnPostSessionAsync(Guid id, CancellationToken ct) =>
        await Done(id, await CaseProgress.SessionAsync(db, clock, id, Session, ct), "Session", "调解记录已登记。", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        var (files, errors) = await PhotoUpload.ReadAsync(Agreement, ct, "Agreement");
        if (errors.Any)
        {
            ModelState.Clear();
            foreach (var m in errors["Agreement"]) ModelState.AddModelError("Close.Agreement", m);
            return await LoadAsync(id, ct) ?? Page();
        }
        return await Done(id, await CaseProgress.CloseAsync(db, clock, id, Close, files, ct), "Close", "案件已结案。", ct);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken ct) =>
        await Done(id, await CaseProgress.FollowUpAsync(db, clock, id, FollowUp, ct), "FollowUp", "回访已登记。", ct);

    async Task<IActionResult> Done(Guid id, Outcome<CaseSaved> outcome, string prefix, string flash, CancellationToken ct)
    {
        ModelState.Clear();
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = flash;
            return Redirect($"/mediation/cases/{id}");
        }, () => LoadAsync(id, ct), prefix);
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await CaseQueries.DetailAsync(db, org, personal, id, ct);
        if (c.Refusal(this) is { } end) return end;
        C = c.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("矛盾调解", "/mediation"), new Platform.Shell.Crumb(C.CaseNo) };
        return null;
    }
}
