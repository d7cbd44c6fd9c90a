using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/recruits/{id}: one person's steps with their documents, and the form for the next step.</summary>
public class RecruitModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public StepInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Documents { get; set; } = [];
    public RecruitDetail Recruit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.On = clock.Today();
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (documents, errors) = await PhotoUpload.ReadAsync(Documents, ct, "Documents");
        Outcome<RecruitSaved> outcome = errors.Any ? Failure.Invalid(errors) : await RecordStep.HandleAsync(db, clock, id, Input, documents, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已办理。";
            return Redirect($"/partywork/recruits/{id}");
        }, () => LoadAsync(id, ct));
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var r = await GetRecruit.HandleAsync(db, org, clock, id, ct);
        if (r.Refusal(this) is { } end) return end;
        Recruit = r.Value!;
        if (string.IsNullOrEmpty(Input.StepCode) && Recruit.Choices.Count > 0) Input.StepCode = Recruit.Choices[0].Code;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("发展党员", "/partywork"), new Platform.Shell.Crumb(Recruit.Name) };
        return null;
    }
}
