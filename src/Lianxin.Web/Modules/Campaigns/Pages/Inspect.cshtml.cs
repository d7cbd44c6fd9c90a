using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Campaigns.Pages;

/// <summary>/campaigns/{id}/inspect: the inspection on a phone (a place, the checklist, other findings, photos).</summary>
public class InspectModel(LianxinDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public InspectionInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    public InspectionFormDto Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (photos, errors) = await PhotoUpload.ReadAsync(Photos, ct, "Photos");
        Outcome<InspectionSaved> outcome = errors.Any ? Failure.Invalid(errors) : await RecordInspection.HandleAsync(db, clock, id, Input, photos, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = v.Findings == 0 ? "检查已登记，未发现问题。" : $"检查已登记，发现 {v.Findings} 个问题，已生成整改任务。";
            return Redirect($"/campaigns/{id}");
        }, () => LoadAsync(id, ct));
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var form = await InspectionForm.HandleAsync(db, clock, id, ct);
        if (form.Refusal(this) is { } end) return end;
        Form = form.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("专项行动", "/campaigns"), new Platform.Shell.Crumb(Form.Title, $"/campaigns/{id}"), new Platform.Shell.Crumb("登记检查") };
        return null;
    }
}
