using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Alliances;

/// <summary>/cobuilding/alliances/new?unit=: staff found an alliance of a street or community they manage, led by one of its units.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public AllianceInput Input { get; set; } = new();
    [BindProperty] public string? Lead { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Homes { get; private set; } = [];
    public IReadOnlyList<AllianceCandidate> Leads { get; private set; } = [];
    public string HomeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? unit, CancellationToken ct)
    {
        Input.OrgUnitId = unit ?? db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        Input.FoundedOn = clock.Today();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Input.LeadPartnerUnitId, Input.LeadOrgUnitId) = AllianceCandidate.Parse(Lead);
        return await (await CreateAlliance.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "党建联盟已成立。";
            return Redirect($"/cobuilding/alliances/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("党建联盟", "/cobuilding/alliances"), new Platform.Shell.Crumb("成立联盟") };
        Homes = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community))
            .Where(u => db.Scope.Can(CoBuildingPermissions.Manage, u.Path)).Select(u => (u.Id, u.DisplayName)).ToList();
        if (Homes.Count == 0) return Forbid();
        if (Homes.All(h => h.Id != Input.OrgUnitId)) Input.OrgUnitId = Homes[0].Id;
        var home = (await org.FindAsync(Input.OrgUnitId, ct))!;
        HomeName = home.DisplayName;
        Leads = await GetAlliance.CandidatesAsync(db, org, home.Path, [], ct);
        return null;
    }
}
