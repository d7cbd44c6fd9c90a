using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/training/new: a street or community arranges a session (the monthly 三委 training, a 月练兵 test).</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public TrainingInput Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(TrainingPermissions.Organise)) return Forbid();
        Input.Date = clock.Today();
        Input.StartTime = new TimeOnly(14, 30);
        Input.EndTime = new TimeOnly(16, 30);
        await LoadAsync(ct);
        Input.OrganiserId = Units.FirstOrDefault().Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await CreateTraining.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "培训已安排。";
            return Redirect($"/orglife/training/{v.Id}");
        }, () => LoadAsync(ct));

    /// <summary>Districts, streets and communities where the caller organises training, top first.</summary>
    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("培训与月练兵", "/orglife/training"), new Platform.Shell.Crumb("安排培训") };
        Units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community))
            .Where(u => db.Scope.Can(TrainingPermissions.Organise, u.Path)).OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder)
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
