using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages;

/// <summary>Staff edit a partner unit in scope; its liaison edits their own unit (not where it is stationed, nor who maintains it).</summary>
public class UnitEditModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty] public EditPartnerUnitRequest Input { get; set; } = new();
    public string Name { get; private set; } = "";
    public bool Staff { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Stations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var unit = await GetPartnerUnit.HandleAsync(db, org, id, ct);
        if (unit.Refusal(this) is { } end) return end;
        var u = unit.Value!;
        if (!u.CanEdit) return Forbid();
        Input = new EditPartnerUnitRequest
        {
            StationedUnitId = u.StationedUnitId, Name = u.Name, Kind = u.Kind, Address = u.Address, PartyOrgName = u.PartyOrgName, PartySecretary = u.PartySecretary,
            PartyMemberCount = u.PartyMemberCount, ContactName = u.ContactName, ContactPhone = u.ContactPhone, Instructor = u.Instructor,
            LiaisonUserName = u.LiaisonUserName, Version = u.Version,
        };
        await LoadAsync(u, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await EditPartnerUnit.HandleAsync(db, org, id, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "共建单位信息已保存。";
            return Redirect($"/cobuilding/units/{v.Id}");
        }, async () => await GetPartnerUnit.HandleAsync(db, org, id, ct) is { IsOk: true } u ? await LoadAsync(u.Value!, ct) : NotFound());
    }

    async Task<IActionResult?> LoadAsync(PartnerUnitDetail u, CancellationToken ct)
    {
        Name = u.Name;
        Staff = u.CanManage;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb(u.Name, $"/cobuilding/units/{u.Id}"), new Platform.Shell.Crumb("修改") };
        Stations = Staff
            ? (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community)).Where(x => db.Scope.Can(CoBuildingPermissions.Manage, x.Path)).Select(x => (x.Id, x.DisplayName)).ToList()
            : [(u.StationedUnitId, u.StationedIn)];
        return null;
    }
}
