using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/{id}/move: choose a new parent among the units in scope that may contain this one.</summary>
public class MoveModel(LianxinDb db, UnitLifecycles lifecycles, TimeProvider clock) : OrgPageModel(db)
{
    [BindProperty] public MoveUnitRequest Input { get; set; } = new();
    public List<TreeNode> Candidates { get; private set; } = [];
    public string CurrentParent { get; private set; } = "—";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        Input.Version = Unit.Version;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        var outcome = await MoveUnit.HandleAsync(Db, lifecycles, clock, id, Input, ct);
        if (!outcome.IsOk) { await ShowAsync(ct); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = "已移动，所有下级组织和场所已随之调整。";
        return Redirect($"/org/{id}");
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Candidates = await MoveUnit.CandidatesAsync(Db, Unit, ct);
        if (Unit.ParentId is { } p) CurrentParent = (await Db.NamesAsync([p], ct)).GetValueOrDefault(p) ?? "—";
        ViewData["Title"] = "移动组织";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb("移动"));
        return Page();
    }
}
