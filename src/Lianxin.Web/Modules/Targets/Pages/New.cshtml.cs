using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Targets.Contracts;
using Lianxin.Web.Modules.Targets.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Targets.Pages;

public class NewModel(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty] public SetTargetRequest Input { get; set; } = new();
    public List<(Guid Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(TargetPermissions.TargetManage)) return Forbid();
        await LoadAsync(ct);
        Input.SetByUnitId = Units.FirstOrDefault().Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await SetTarget.HandleAsync(db, org, catalog, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"任务已下达到 {v.Communities} 个社区。";
            return Redirect($"/targets/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("重点任务", "/targets"), new Platform.Shell.Crumb("下达任务") };
        Units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street))
            .Where(u => db.Scope.Can(TargetPermissions.TargetManage, u.Path)).Select(u => (u.Id, u.DisplayName)).ToList();
        Indicators = catalog.All;
    }
}
