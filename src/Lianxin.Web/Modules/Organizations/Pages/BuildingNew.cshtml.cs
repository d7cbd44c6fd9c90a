using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

public class BuildingNewModel(LianxinDb db) : OrgPageModel(db)
{
    [BindProperty] public CreateBuildingRequest Input { get; set; } = new();
    public Compound Compound { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Show();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Input.CompoundId = id;
        var outcome = await CreateBuilding.HandleAsync(Db, Input, ct);
        if (!outcome.IsOk) { Show(); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = $"楼栋“{Input.Name.Trim()}”已登记。";
        return Redirect($"/org/compounds/{id}");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await Db.Compounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        if (!Db.Scope.Can(OrgPermissions.OrgManage, c.OrgPath)) return Forbid();
        Compound = c;
        return null;
    }

    IActionResult Show()
    {
        ViewData["Title"] = "新建楼栋";
        Crumbs(new Crumb(Compound.Name, $"/org/compounds/{Compound.Id}"), new Crumb("新建楼栋"));
        return Page();
    }
}
