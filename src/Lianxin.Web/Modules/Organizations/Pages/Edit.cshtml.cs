using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

public class EditModel(LianxinDb db) : OrgPageModel(db)
{
    [BindProperty] public EditUnitRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        Input = EditUnitRequest.From(Unit);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        if (Unit.Kind != OrgKind.Branch) Input.BranchKind = BranchKind.None;
        var outcome = await EditUnit.HandleAsync(Db, id, Input, ct);
        if (!outcome.IsOk) { Show(); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = "已保存。";
        return Redirect($"/org/{id}");
    }

    IActionResult Show()
    {
        ViewData["Title"] = "编辑组织";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb("编辑"));
        return Page();
    }
}
