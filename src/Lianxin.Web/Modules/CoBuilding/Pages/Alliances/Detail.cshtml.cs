using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Alliances;

/// <summary>The join form: one select of partner units and org units (<see cref="AllianceCandidate"/> keys) and a date.</summary>
public class JoinForm
{
    public string? Unit { get; set; }
    public DateOnly? JoinedOn { get; set; }
}

/// <summary>/cobuilding/alliances/{id}: an alliance, its members; staff add members and let them leave (after a confirmation).</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public JoinForm Join { get; set; } = new();
    [BindProperty] public LeaveAllianceRequest Leave { get; set; } = new();
    public AllianceDetail Alliance { get; private set; } = null!;
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Join.JoinedOn = Today;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(Guid id, CancellationToken ct)
    {
        var (partner, unit) = AllianceCandidate.Parse(Join.Unit);
        var outcome = await JoinAlliance.HandleAsync(db, org, id, new JoinAllianceRequest { PartnerUnitId = partner, OrgUnitId = unit, JoinedOn = Join.JoinedOn }, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "单位已加入联盟。";
            return Redirect($"/cobuilding/alliances/{id}");
        }, () => LoadAsync(id, ct), "Join");
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, Guid memberId, CancellationToken ct) =>
        await (await LeaveAlliance.HandleAsync(db, memberId, Leave, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "该单位已退出联盟。";
            return Redirect($"/cobuilding/alliances/{id}");
        }, () => LoadAsync(id, ct), "Leave");

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await GetAlliance.HandleAsync(db, org, id, ct);
        if (a.Refusal(this) is { } end) return end;
        Alliance = a.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("党建联盟", "/cobuilding/alliances"), new Platform.Shell.Crumb(Alliance.Name) };
        return null;
    }
}
