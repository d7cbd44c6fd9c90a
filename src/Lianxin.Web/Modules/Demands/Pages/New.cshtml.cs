using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/demands/new: staff record a demand taken by phone or on a visit; a one-time form token makes a double submit file once.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public SubmitDemandRequest Input { get; set; } = new() { Source = DemandSource.Phone };
    [BindProperty] public string FormToken { get; set; } = "";

    public List<FilingCommunity> Communities { get; private set; } = [];
    /// <summary>False for a grid or compound branch: it picks one of its own compounds.</summary>
    public bool WholeCommunity => Communities.FirstOrDefault(c => c.Id == Input.CommunityId)?.WholeCommunity ?? true;
    public List<DemandCategory> CategoryList { get; private set; } = [];
    public List<(Guid Id, string Name)> CompoundList { get; private set; } = [];
    public List<FreeSlot> SlotList { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FormToken = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
        if (Communities.Count == 0) return Forbid();
        Input.CommunityId = Community is { } c && Communities.Any(x => x.Id == c) ? c : Communities[0].Id;
        await LoadPlaceAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        // The appointment comes from the slot picked, not from a free time field.
        Input.AppointmentAt = null;
        var outcome = await SubmitDemand.HandleAsync(db, org, places, pd, clock, Input, "form:" + FormToken, isPublic: false, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"诉求已登记，受理编号 {v.TicketNo}。";
            return Redirect($"/demands/{v.Id}");
        }, async () =>
        {
            await LoadAsync(ct);
            await LoadPlaceAsync(ct);
        });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("群众诉求", "/demands"), new Platform.Shell.Crumb("登记诉求") };
        Communities = await SubmitDemand.CommunitiesAsync(db, org, ct);
    }

    async Task LoadPlaceAsync(CancellationToken ct)
    {
        // Read past the scope: a grid leader files in a community they do not see whole, with its street's categories.
        if (Communities.Any(c => c.Id == Input.CommunityId) && (await org.FindInDistrictAsync(Input.CommunityId, ct))?.ParentId is { } s)
            CategoryList = await Categories.ForStreetAsync(db, org, s, ct);
        SlotList = await ServiceSlots.FreeAsync(db, clock, Input.CommunityId, null, ct);
        CompoundList = (await places.CompoundRoutesAsync(Input.CommunityId, ct)).Select(c => (c.Id, c.Name)).ToList();
    }
}
