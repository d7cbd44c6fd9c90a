using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/new: a member or staff raises a motion at a compound of their scope (staff may bring it from a demand).</summary>
public class NewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock) : PageModel
{
    [BindProperty] public RaiseMotionRequest Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Compound { get; set; }
    /// <summary>What the picker's search box asked for without JavaScript (posted with the whole form to the Search handler, or a GET).</summary>
    [BindProperty(SupportsGet = true, Name = "compoundq")] public string? CompoundQuery { get; set; }
    public Picker Picker { get; private set; } = null!;
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

    /// <summary>The picker's search without JavaScript: the form comes back with what was typed and the matches listed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.Raise)) return Forbid();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Crumb("三级议事", "/deliberation"), new Crumb("提出议题") };
        Picker = await CompoundPickerAsync(ct);
        Staff = db.Scope.CanAnywhere(DeliberationPermissions.Manage);
    }

    /// <summary>
    /// The compound picker (issue 15: listing every compound in scope made a 1 MB page for a district admin): the chosen compound
    /// plus the matches of <see cref="CompoundQuery"/> or the first compounds where the caller may raise a motion.
    /// </summary>
    async Task<Picker> CompoundPickerAsync(CancellationToken ct)
    {
        var chosen = Input.CompoundId != Guid.Empty ? await SearchMotionCompounds.OneAsync(db, places, org, Input.CompoundId, ct) : null;
        var found = await SearchMotionCompounds.HandleAsync(db, places, org, new(CompoundQuery), ct);
        return CompoundChoices.Picker("Input.CompoundId", "小区", chosen, found, "/api/v1/deliberation/compound-choices?limit=20", CompoundQuery, "请选择", "?handler=Search");
    }
}
