using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>
/// /public/deliberation/new: a resident (anonymous or signed in) raises a motion at their compound. Communities and compounds are
/// public names, read across scope; rate-limited per client like the demands intake; a honeypot field catches robots.
/// </summary>
[AllowAnonymous]
public class PublicNewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock, PublicMotionLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public RaiseMotionRequest Input { get; set; } = new();
    /// <summary>Honeypot: hidden from people; a robot that fills it gets a thank-you and nothing is filed.</summary>
    [BindProperty] public string? Website { get; set; }
    public List<(Guid Id, string Name, string Street)> Communities { get; private set; } = [];
    public List<(Guid Id, string Name)> CompoundList { get; private set; } = [];
    public string? CommunityName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website)) return Redirect("/public/deliberation/submitted");
        ModelState.Clear();
        if (!limiter.TryAcquire(HttpContext, out var wait))
        {
            ModelState.AddModelError("", PublicMotionLimiter.Message);
            TooManyRequests.Mark(Response, wait);
            await LoadAsync(ct);
            return Page();
        }
        Input.DemandTicket = null;
        return await (await RaiseMotion.HandleAsync(db, org, places, demands, clock, Input, isPublic: true, ct))
            .ToPageAsync(this, _ => Redirect("/public/deliberation/submitted"), () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var units = await org.InDistrictAsync(ct, true, OrgKind.Street, OrgKind.Community);
        var streets = units.Where(u => u.Kind == OrgKind.Street).ToDictionary(u => u.Id, u => u.DisplayName.Replace("党工委", ""));
        Communities = units.Where(u => u.Kind == OrgKind.Community)
            .Select(u => (u.Id, u.DisplayName.Replace("党委", "").Replace("党总支", "").Replace("党支部", ""), streets.GetValueOrDefault(u.ParentId ?? Guid.Empty, ""))).ToList();
        if (Community is not { } c || Communities.All(x => x.Id != c)) return;
        CommunityName = Communities.First(x => x.Id == c).Name;
        CompoundList = (await places.CompoundRoutesInDistrictAsync([c], ct)).Select(x => (x.Id, x.Name)).ToList();
    }
}
