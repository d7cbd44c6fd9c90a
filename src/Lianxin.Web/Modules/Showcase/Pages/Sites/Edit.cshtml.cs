using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Showcase.Pages.Sites;

/// <summary>/showcase/sites/edit/{id?}: name a model site or change its dates.</summary>
public class EditModel(LianxinDb db, OrgDirectory org, ReviewScoreDirectory reviews, TimeProvider clock) : PageModel
{
    [BindProperty] public ModelSiteInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (!db.Scope.CanAnywhere(ShowcasePermissions.SiteManage)) return Forbid();
        if (id is { } existing)
        {
            var rows = await ListModelSites.HandleAsync(db, org, reviews, clock, ct);
            if (rows.Refusal(this) is { } end) return end;
            if (rows.Value!.FirstOrDefault(s => s.Id == existing) is not { } s) return NotFound();
            if (!s.CanManage) return Forbid();
            Input = new ModelSiteInput { OrgUnitId = s.OrgUnitId, Name = s.Name, Note = s.Note, NamedOn = s.NamedOn, ReviewDueOn = s.ReviewDueOn, Version = s.Version };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var outcome = await SaveModelSite.HandleAsync(db, org, id, Input, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "示范点已保存。";
            return Redirect("/showcase/sites");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("示范点", "/showcase/sites"), new Platform.Shell.Crumb(Id is null ? "命名示范点" : "修改示范点") };
        Units = await ShowcaseUnits.ForAsync(db, org, ShowcasePermissions.SiteManage, ct);
    }
}
