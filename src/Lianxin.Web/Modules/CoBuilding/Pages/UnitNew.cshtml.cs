using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages;

public class UnitNewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public PartnerUnitInput Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Stations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StationedUnitId = db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CreatePartnerUnit.HandleAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "共建单位已登记。";
            return Redirect($"/cobuilding/units/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("登记共建单位") };
        Stations = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community))
            .Where(u => db.Scope.Can(CoBuildingPermissions.Manage, u.Path)).Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
