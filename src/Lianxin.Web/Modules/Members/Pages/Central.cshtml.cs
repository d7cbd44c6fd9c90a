using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Pages;

public class CentralModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty(SupportsGet = true)] public Guid? CommunityId { get; set; }
    [BindProperty] public NominationForm Form { get; set; } = new();
    public List<CentralHouseholdDto> Items { get; private set; } = [];
    public List<GridCoverage> Coverage { get; private set; } = [];
    public List<SelectListItem> Communities { get; private set; } = [];
    public List<SelectListItem> Grids { get; private set; } = [];
    public List<SelectListItem> Residents { get; private set; } = [];
    public bool CanManage { get; private set; }
    public List<CentralDutyDto> Duties { get; private set; } = [];
    public List<(Guid Id, string Name)> PublicCompounds { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!Db.Scope.CanAnywhere(MemberPermissions.MemberView)) return Forbid();
        (CommunityId, Communities) = await CommunityChoice.ResolveAsync(Db, Org, CommunityId, ct);
        if (CommunityId is not { } id) return null;
        var coverage = await CentralHouseholdCoverage.HandleAsync(Db, Org, Places, id, ct);
        if (coverage.Refusal(this) is { } stop) return stop;
        Coverage = coverage.Value!;
        Items = await ListCentralHouseholds.HandleAsync(Db, Places, Db.CentralHouseholds.Where(c => c.CommunityId == id), ct);
        Duties = await CentralDuties.OfCommunityAsync(Db, id, ct);
        PublicCompounds = (await Places.CompoundsOfCommunityAsync(id, ct)).Where(c => c.GridId is not null).Select(c => (c.Id, c.Name)).ToList();
        var community = await Org.FindAsync(id, ct);
        CanManage = Db.Scope.Can(MemberPermissions.MemberManage, community!.Path);
        Grids = Coverage.Select(g => new SelectListItem(g.GridName, g.GridId.ToString(), g.GridId == Form.GridId)).ToList();
        // Members living in the community, wherever their membership is held (names only).
        Residents = (await Db.Members.AcrossScope().AsNoTracking()
                .Where(m => m.ResidenceCommunityId == id && m.Status == MemberStatus.Normal)
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == Form.MemberId)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostNominateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await NominateCentralHousehold.HandleAsync(Db, Places, clock, Form, ct);
            if (outcome.Refusal(this, "Form") is { } stop) return stop;
            if (outcome.IsOk) { TempData["Flash"] = $"已提名 {outcome.Value!.MemberName} 为党员中心户。"; return Redirect($"/members/central?CommunityId={CommunityId}"); }
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDutyAsync(CentralDutyRole role, string? text, int version, CancellationToken ct)
    {
        if (CommunityId is not { } id) return NotFound();
        var outcome = await SaveCentralDuties.HandleAsync(Db, Org, id, new CentralDutyForm { Role = role, Text = text, Version = version }, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        if (outcome.IsOk) { TempData["Flash"] = $"已保存{outcome.Value!.RoleName}的职责。"; return Redirect($"/members/central?CommunityId={id}"); }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, int version, CancellationToken ct)
    {
        var outcome = await DecideCentralHousehold.HandleAsync(Db, Org, Places, clock, id, new DecisionForm { Approve = approve, Version = version }, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        if (outcome.IsOk) { TempData["Flash"] = approve ? "已认定为党员中心户。" : "已驳回提名。"; return Redirect($"/members/central?CommunityId={CommunityId}"); }
        return await LoadAsync(ct) ?? Page();
    }
}
