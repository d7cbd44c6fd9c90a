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

/// <summary>A central household: its recommendations (staff enter those given on paper), and 撤销/调整 with history.</summary>
public class CentralDetailModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public RecommendationForm Rec { get; set; } = new();
    [BindProperty] public EndCentralHouseholdForm End { get; set; } = new();
    public CentralHouseholdDto Central { get; private set; } = null!;
    public List<RecommendationDto> Recommendations { get; private set; } = [];
    public List<CentralHouseholdDto> Related { get; private set; } = [];
    public List<SelectListItem> Homes { get; private set; } = [];
    public List<SelectListItem> CompoundOptions { get; private set; } = [];
    public List<SelectListItem> Residents { get; private set; } = [];
    public bool CanManage { get; private set; }

    async Task<IActionResult?> LoadAsync(Guid id, bool keepPosted, CancellationToken ct)
    {
        var ch = await Db.CentralHouseholds.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return NotFound();
        if (!Db.Scope.Can(MemberPermissions.MemberView, ch.OrgPath)) return Forbid();
        Central = await ListCentralHouseholds.OneAsync(Db, Places, id, ct);
        CanManage = Db.Scope.Can(MemberPermissions.MemberManage, ch.OrgPath);
        Recommendations = await ListRecommendations.HandleAsync(Db, id, ct);
        // The one it replaced and the one that replaced it.
        Related = await ListCentralHouseholds.HandleAsync(Db, Places, Db.CentralHouseholds.Where(c => c.ReplacedById == id || c.Id == ch.ReplacedById), ct);
        if (!keepPosted) End = new EndCentralHouseholdForm { EndedOn = clock.Today(), Version = Central.Version };
        if (!CanManage) return null;
        var compounds = (await Places.CompoundsOfCommunityAsync(ch.CommunityId, ct)).Where(c => c.GridId == ch.GridId).ToList();
        CompoundOptions = compounds.Select(c => new SelectListItem(c.Name, c.Id.ToString(), c.Id == Rec.CompoundId)).ToList();
        var names = compounds.ToDictionary(c => c.Id, c => c.Name);
        var households = (await Places.HouseholdsOfGridAsync(ch.GridId, ct)).Where(h => names.ContainsKey(h.CompoundId)).ToList();
        var buildings = (await Places.BuildingsAsync(households.Select(h => h.BuildingId), ct)).ToDictionary(b => b.Id, b => b.Name);
        Homes = households.Select(h => (h.Id, Label: $"{names[h.CompoundId]} {buildings[h.BuildingId]} {h.Unit} {h.Room}".Replace("  ", " ")))
            .OrderBy(h => h.Label.Length).ThenBy(h => h.Label).Select(h => new SelectListItem(h.Label, h.Id.ToString(), h.Id == Rec.HouseholdId)).ToList();
        Residents = (await Db.Members.AcrossScope().AsNoTracking()
                .Where(m => m.ResidenceCommunityId == ch.CommunityId && m.Status == MemberStatus.Normal && m.Id != ch.MemberId)
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == End.ReplacementMemberId)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    public async Task<IActionResult> OnPostRecommendAsync(Guid id, CancellationToken ct)
    {
        var outcome = await RecommendCentralHousehold.StaffAsync(Db, Places, clock, id, Rec, ct);
        return await outcome.ToPageAsync(this, r => { TempData["Flash"] = $"已登记 {Rec.Name!.Trim()}（{r.Home}）的推荐。"; return Redirect($"/members/central/{id}"); },
            () => LoadAsync(id, true, ct), "Rec");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var outcome = await EndCentralHousehold.HandleAsync(Db, Places, clock, id, End, ct);
        return await outcome.ToPageAsync(this, c => { TempData["Flash"] = c.ReplacedById is null ? $"已撤销 {c.MemberName} 的党员中心户。" : $"已调整：{c.MemberName} 的联系户转由接任党员联系。"; return Redirect($"/members/central/{id}"); },
            () => LoadAsync(id, true, ct), "End");
    }
}
