using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/teams: the teams in scope, and forming a new one.</summary>
public class TeamsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public TeamInput Input { get; set; } = new();
    public List<TeamRow> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.UnitId = db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CreateTeam.HandleAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "志愿服务队已组建。";
            return Redirect($"/volunteering/teams/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb("志愿服务队") };
        var rows = await ListTeams.HandleAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        Units = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community)).Where(u => db.Scope.Can(VolunteeringPermissions.Manage, u.Path))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        return null;
    }
}
