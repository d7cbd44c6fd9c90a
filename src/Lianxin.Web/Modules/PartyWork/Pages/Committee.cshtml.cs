using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/committees/{unitId}: a unit's committees (members, posts, term), their history, and a member leaving or a post filled mid-term.</summary>
public class CommitteeModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty] public VacateInput Vacate { get; set; } = new();
    [BindProperty] public Guid? SeatId { get; set; }
    [BindProperty] public FillInput Fill { get; set; } = new();
    [BindProperty] public Guid? CommitteeId { get; set; }
    public UnitCommittees Unit { get; private set; } = null!;
    public IReadOnlyList<MemberRef> Roster { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid unitId, CancellationToken ct)
    {
        Vacate.On = Fill.On = clock.Today();
        return await LoadAsync(unitId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostVacateAsync(Guid unitId, CancellationToken ct) =>
        await (await VacateSeat.HandleAsync(db, clock, SeatId ?? Guid.Empty, Vacate, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已登记离任。";
            return Redirect($"/partywork/committees/{unitId}");
        }, () => LoadAsync(unitId, ct));

    public async Task<IActionResult> OnPostFillAsync(Guid unitId, CancellationToken ct) =>
        await (await FillSeat.HandleAsync(db, org, members, clock, CommitteeId ?? Guid.Empty, Fill, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已登记补选（任命）。";
            return Redirect($"/partywork/committees/{unitId}");
        }, () => LoadAsync(unitId, ct));

    async Task<IActionResult?> LoadAsync(Guid unitId, CancellationToken ct)
    {
        var u = await GetUnitCommittees.HandleAsync(db, org, clock, unitId, ct);
        if (u.Refusal(this) is { } end) return end;
        Unit = u.Value!;
        if (Unit.CanManage && await org.FindAsync(unitId, ct) is { } unit) Roster = await members.RosterAsync(unit.Path, ct);
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("支部班子与换届", "/partywork/committees"), new Platform.Shell.Crumb(Unit.UnitName) };
        return null;
    }
}
