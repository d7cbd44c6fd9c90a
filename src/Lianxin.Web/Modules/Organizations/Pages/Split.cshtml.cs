using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/compounds/{id}/split: "拆—转—建", the compound gets its own branch.</summary>
public class SplitModel(LianxinDb db, TimeProvider clock) : OrgPageModel(db)
{
    [BindProperty] public SplitCompoundRequest Input { get; set; } = new();
    public Compound Compound { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Input.BranchName = $"{Compound.Name}小区党支部";
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var outcome = await SplitCompound.HandleAsync(Db, clock, id, Input, ct);
        if (!outcome.IsOk) { Show(); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = $"已建立“{Input.BranchName.Trim()}”，小区及其楼栋、住户已划归该支部。";
        return Redirect($"/org/{outcome.Value!.Id}");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await Db.Compounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        Compound = c;
        return await LoadUnitAsync(c.CommunityId);
    }

    IActionResult Show()
    {
        ViewData["Title"] = "拆分建支部";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb(Compound.Name, $"/org/compounds/{Compound.Id}"), new Crumb("拆分建支部"));
        return Page();
    }
}
