using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>
/// /public/demands/new: a resident raises a demand without an account. Communities, compounds and categories
/// are public facts, read without the scope filter; nothing personal is shown. A one-time form token makes a
/// double submit file one demand; a hidden honeypot field catches form-filling robots.
/// </summary>
[AllowAnonymous]
public class PublicNewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock, PublicIntakeLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public SubmitDemandRequest Input { get; set; } = new();
    [BindProperty] public string FormToken { get; set; } = "";
    /// <summary>Honeypot: hidden from people; a robot that fills it gets a thank-you and nothing is filed.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public List<(Guid Id, string Name, string Street)> Communities { get; private set; } = [];
    public List<DemandCategory> CategoryList { get; private set; } = [];
    public List<(Guid Id, string Name)> CompoundList { get; private set; } = [];
    public string? CommunityName { get; private set; }
    public List<FreeSlot> SlotList { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        FormToken = Guid.NewGuid().ToString("N");
        if (Community is { } c) Input.CommunityId = c;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website)) return Redirect("/public/demands/submitted");
        ModelState.Clear();
        if (!limiter.TryAcquire(HttpContext, out var wait))
        {
            ModelState.AddModelError("", PublicIntakeLimiter.Message);
            TooManyRequests.Mark(Response, wait);
            await LoadAsync(ct);
            return Page();
        }
        // The appointment comes from the slot picked, not from a free time field.
        Input.AppointmentAt = null;
        var (photos, photoErrors) = await PhotoUpload.ReadAsync(Photos, ct);
        if (photoErrors.Any)
        {
            foreach (var m in photoErrors["Photos"]) ModelState.AddModelError("Photos", m);
            Community = Input.CommunityId;
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await SubmitDemand.HandleAsync(db, org, places, pd, clock, Input, "form:" + FormToken, isPublic: true, ct, photos);
        return await outcome.ToPageAsync(this, v => Redirect($"/public/demands/submitted?ticket={v.TicketNo}"), () =>
        {
            Community = Input.CommunityId;
            return LoadAsync(ct);
        });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        // Deliberately unfiltered (anonymous page): only names of communities, compounds and categories.
        var units = await org.InDistrictAsync(ct, true, OrgKind.Street, OrgKind.Community);
        var streets = units.Where(u => u.Kind == OrgKind.Street).ToDictionary(u => u.Id, u => u.ShortName);
        Communities = units.Where(u => u.Kind == OrgKind.Community)
            .Select(u => (u.Id, u.ShortName.Replace("党委", "").Replace("党总支", "").Replace("党支部", ""), streets.GetValueOrDefault(u.ParentId ?? Guid.Empty, "").Replace("党工委", "")))
            .ToList();
        if (Input.CommunityId == Guid.Empty) return;
        var community = units.FirstOrDefault(u => u.Id == Input.CommunityId && u.Kind == OrgKind.Community);
        if (community?.ParentId is not { } streetId) return;
        CommunityName = Communities.FirstOrDefault(c => c.Id == community.Id).Name;
        CategoryList = await Categories.ForStreetAsync(db, org, streetId, ct);
        SlotList = await ServiceSlots.FreeAsync(db, clock, community.Id, null, ct);
        CompoundList = (await places.CompoundRoutesInDistrictAsync([community.Id], ct)).Select(c => (c.Id, c.Name)).ToList();
    }
}
