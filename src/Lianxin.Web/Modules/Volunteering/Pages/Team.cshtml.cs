using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/teams/{id}: a team and its members; the organiser adds party members from the roster and residents.</summary>
public class TeamModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public TeamMemberInput Input { get; set; } = new();
    public TeamDetail? Team { get; private set; }
    public IReadOnlyList<MemberRef> Roster { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await AddTeamMember.HandleAsync(db, members, clock, Id, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"{v.Name} 已加入。";
            return Redirect($"/volunteering/teams/{Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await GetTeam.HandleAsync(db, org, Id, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Team = outcome.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务队", "/volunteering/teams"), new Platform.Shell.Crumb(Team.Name) };
        if (Team.CanManage && await org.FindAsync(Team.UnitId, ct) is { } unit) Roster = await members.RosterAsync(unit.Path, ct);
        return null;
    }
}
