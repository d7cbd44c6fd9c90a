using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/training/coverage: 培训全覆盖 of a unit and the units under it over a period (default: this year so far).</summary>
public class CoverageModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public CoverageReport? Report { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("培训与月练兵", "/orglife/training"), new Platform.Shell.Crumb("培训全覆盖") };
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Forbid();
        Units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community)).OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder)
            .Select(u => (u.Id, u.DisplayName)).ToList();
        var report = await GetTrainingCoverage.HandleAsync(db, org, members, clock, Unit ?? (Units.Count > 0 ? Units[0].Id : null), From, To, ct);
        if (report.Refusal(this) is { } end) return end;
        Report = report.Value;
        return Page();
    }
}
