using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

public class ActivityNewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public ActivityInput Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Day = clock.Today().AddDays(7);
        (Input.From, Input.To) = (new TimeOnly(9, 0), new TimeOnly(11, 0));
        Input.UnitId = db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CreateActivity.HandleAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "志愿活动已发布。";
            return Redirect($"/volunteering/activities/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(VolunteeringPermissions.Manage)) return Forbid();
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb("发布志愿活动") };
        Units = (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(u => db.Scope.Can(VolunteeringPermissions.Manage, u.Path))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Teams = (await ListTeams.HandleAsync(db, org, ct)).Value ?? [];
        return null;
    }
}
