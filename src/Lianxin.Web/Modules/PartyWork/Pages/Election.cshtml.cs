using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/committees/{unitId}/election: records an election; the new committee replaces the current one.</summary>
public class ElectionModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    public const int Rows = 7;
    [BindProperty] public ElectionInput Input { get; set; } = new();
    public UnitCommittees Unit { get; private set; } = null!;
    public IReadOnlyList<MemberRef> Roster { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid unitId, CommitteeKind? kind, CancellationToken ct)
    {
        Input.HeldOn = clock.Today();
        var end = await LoadAsync(unitId, ct);
        if (end is not null) return end;
        Input.Kind = kind ?? Unit.Kinds.FirstOrDefault();
        Input.Meeting = Input.Kind?.IsParty() == true ? "党员大会" : "居民代表会议";
        var posts = CommitteeRules.PostsOf(Input.Kind ?? CommitteeKind.BranchCommittee);
        Input.Seats = Enumerable.Range(0, Rows).Select(i => new SeatInput { Post = i == 0 ? posts[0] : i < 4 && posts.Count > 3 ? posts[i + 1] : "member" }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid unitId, CancellationToken ct) =>
        await (await RecordElection.HandleAsync(db, org, members, clock, unitId, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "换届选举已登记，新一届班子已生效。";
            return Redirect($"/partywork/committees/{unitId}");
        }, () => LoadAsync(unitId, ct));

    async Task<IActionResult?> LoadAsync(Guid unitId, CancellationToken ct)
    {
        var u = await GetUnitCommittees.HandleAsync(db, org, clock, unitId, ct);
        if (u.Refusal(this) is { } end) return end;
        Unit = u.Value!;
        if (!Unit.CanManage) return Forbid();
        if (await org.FindAsync(unitId, ct) is { } unit) Roster = await members.RosterAsync(unit.Path, ct);
        while (Input.Seats.Count < Rows) Input.Seats.Add(new SeatInput());
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("支部班子与换届", "/partywork/committees"), new Platform.Shell.Crumb(Unit.UnitName, $"/partywork/committees/{unitId}"),
            new Platform.Shell.Crumb("登记换届选举") };
        return null;
    }
}
