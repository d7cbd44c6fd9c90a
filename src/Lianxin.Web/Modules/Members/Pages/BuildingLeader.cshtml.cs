using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>The 楼栋长 of a building: assign a roster member (or replace the current one), end with a reason, the history.</summary>
public class BuildingLeaderModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public BuildingLeaderForm Assign { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();
    public BuildingLeadersView View { get; private set; } = null!;
    public List<SelectListItem> Candidates { get; private set; } = [];
    public bool CanManage { get; private set; }

    async Task<IActionResult?> LoadAsync(Guid id, bool keepPosted, CancellationToken ct)
    {
        var outcome = await BuildingLeaderHistory.HandleAsync(Db, Places, id, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        View = outcome.Value!;
        var community = await Org.FindInDistrictAsync(View.CommunityId, ct);
        CanManage = community is not null && Db.Scope.Can(MemberPermissions.MemberManage, (await Places.BuildingsAsync([id], ct))[0].OrgPath);
        if (!keepPosted)
        {
            Assign = new BuildingLeaderForm { StartedOn = clock.Today(), ReplacesVersion = View.Current?.Version };
            End = new EndForm { EndedOn = clock.Today(), Version = View.Current?.Version ?? 0 };
        }
        if (CanManage && community is not null)
            // The roster of the community: members held there or living there.
            Candidates = (await Db.Members.AcrossScope().AsNoTracking()
                    .Where(m => (m.Status == MemberStatus.Normal || m.Status == MemberStatus.Suspended) && (m.OrgPath.StartsWith(community.Path) || m.ResidenceCommunityId == community.Id))
                    .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
                .Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == Assign.MemberId)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        var outcome = await AssignBuildingLeader.HandleAsync(Db, Org, Places, clock, id, Assign, ct);
        return await outcome.ToPageAsync(this, l => { TempData["Flash"] = $"已指定 {l.MemberName} 为楼栋长。"; return Redirect($"/members/buildings/{id}/leader"); },
            () => LoadAsync(id, true, ct), "Assign");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid leaderId, CancellationToken ct)
    {
        var outcome = await EndBuildingLeader.HandleAsync(Db, Places, clock, leaderId, End, ct);
        return await outcome.ToPageAsync(this, l => { TempData["Flash"] = $"{l.MemberName} 已卸任楼栋长。"; return Redirect($"/members/buildings/{id}/leader"); },
            () => LoadAsync(id, true, ct), "End");
    }
}
