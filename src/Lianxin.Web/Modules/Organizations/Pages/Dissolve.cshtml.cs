using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

public class DissolveModel(LianxinDb db, UnitLifecycles lifecycles, TimeProvider clock) : OrgPageModel(db)
{
    [BindProperty] public DissolveUnitRequest Input { get; set; } = new();
    public int ActiveChildren { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        Input.Version = Unit.Version;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        var outcome = await DissolveUnit.HandleAsync(Db, lifecycles, clock, id, Input, ct);
        if (!outcome.IsOk) { await ShowAsync(ct); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = "已撤销该组织，历史记录保留。";
        return Redirect($"/org/{id}");
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        ActiveChildren = await Db.OrgUnits.CountAsync(u => u.ParentId == Unit.Id && u.Status == OrgStatus.Active, ct);
        ViewData["Title"] = "撤销组织";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb("撤销"));
        return Page();
    }
}
