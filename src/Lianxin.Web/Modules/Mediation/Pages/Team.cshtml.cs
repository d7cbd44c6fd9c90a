using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Mediation.Pages;

/// <summary>/mediation/cases/{id}/team: the community's staff add and remove the case's team members (removal asks first).</summary>
public class TeamModel(LianxinDb db) : PageModel
{
    [BindProperty] public TeamInput Input { get; set; } = new() { Duty = Domain.TeamDuty.Volunteer };
    public TeamView Team { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) =>
        await (await EditTeam.AddAsync(db, id, Input, ct)).ToPageAsync(this, m =>
        {
            TempData["Flash"] = $"已将{m.Name}加入调解团队（{m.DutyName}）。";
            return Redirect($"/mediation/cases/{id}/team");
        }, () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid memberId, CancellationToken ct) =>
        await (await EditTeam.RemoveAsync(db, id, memberId, ct)).ToPageAsync(this, m =>
        {
            TempData["Flash"] = $"已将{m.Name}移出调解团队。";
            return Redirect($"/mediation/cases/{id}/team");
        }, () => LoadAsync(id, ct));

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var team = await EditTeam.GetAsync(db, id, ct);
        if (team.Refusal(this) is { } end) return end;
        Team = team.Value!;
        ViewData["Title"] = "调解团队";
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("矛盾调解", "/mediation"), new Platform.Shell.Crumb(Team.CaseNo, $"/mediation/cases/{id}"), new Platform.Shell.Crumb("调解团队") };
        return null;
    }
}
