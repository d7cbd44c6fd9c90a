using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

public class NewModel(LianxinDb db, TimeProvider clock) : OrgPageModel(db)
{
    [BindProperty] public CreateUnitRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid parentId)
    {
        if (await LoadUnitAsync(parentId) is { } stop) return stop;
        Input.ParentId = parentId;
        Input.Kind = KindChoices(Unit.Kind).Select(k => k.Kind).LastOrDefault();
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid parentId, CancellationToken ct)
    {
        if (await LoadUnitAsync(parentId) is { } stop) return stop;
        Input.ParentId = parentId;
        if (Input.Kind != OrgKind.Branch) Input.BranchKind = BranchKind.None;
        var outcome = await CreateUnit.HandleAsync(Db, clock, Input, ct);
        if (!outcome.IsOk) { Show(); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = $"已新建“{Input.Name.Trim()}”。";
        return Redirect($"/org/{outcome.Value!.Id}");
    }

    IActionResult Show()
    {
        ViewData["Title"] = "新建下级组织";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb("新建下级组织"));
        return Page();
    }
}
