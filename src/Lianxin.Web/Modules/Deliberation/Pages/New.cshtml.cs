using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/new: a member or staff raises a motion at a compound of their scope (staff may bring it from a demand).</summary>
public class NewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock) : PageModel
{
    [BindProperty] public RaiseMotionRequest Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Compound { get; set; }
    public IReadOnlyList<CompoundRef> Compounds { get; private set; } = [];
    public bool Staff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.Raise)) return Forbid();
        Input.CompoundId = Compound ?? Guid.Empty;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await RaiseMotion.HandleAsync(db, org, places, demands, clock, Input, isPublic: false, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "议题已提出，待小区议事会议事。";
            return Redirect($"/deliberation/motions/{v.Id}");
        }, () => LoadAsync(ct));

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事", "/deliberation"), new Platform.Shell.Crumb("提出议题") };
        Compounds = await places.CompoundsInScopeAsync(ct);
        Staff = db.Scope.CanAnywhere(DeliberationPermissions.Manage);
    }
}
