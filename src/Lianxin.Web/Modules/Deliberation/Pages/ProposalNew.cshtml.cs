using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>
/// /public/proposals/new: 网上提议. A resident (anonymous or signed in) picks their community, then the compound it is about (or the
/// whole community), and writes the proposal; it becomes a motion (<see cref="FileProposal"/>). Rate-limited with the public motions;
/// a honeypot field catches robots.
/// </summary>
[AllowAnonymous]
public class ProposalNewModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock, PublicMotionLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public ProposalRequest Input { get; set; } = new();
    /// <summary>Honeypot: hidden from people; a robot that fills it gets a thank-you and nothing is filed.</summary>
    [BindProperty] public string? Website { get; set; }
    public List<(string Street, List<(Guid Id, string Name)> Communities)> Streets { get; private set; } = [];
    public List<(Guid Id, string Name)> CompoundList { get; private set; } = [];
    public string? CommunityName { get; private set; }
    /// <summary>Only residents keep a list of their own proposals; staff who file one see it among the motions.</summary>
    public bool SeesOwnProposals => db.Scope.CanAnywhere(DeliberationPermissions.ProposalOwn);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website)) return Redirect("/public/proposals/submitted");
        ModelState.Clear();
        if (!limiter.TryAcquire(HttpContext, out var wait))
        {
            ModelState.AddModelError("", PublicMotionLimiter.Message);
            TooManyRequests.Mark(Response, wait);
            await LoadAsync(ct);
            return Page();
        }
        if (Community is { } c) Input.CommunityId = c;
        return await (await FileProposal.HandleAsync(db, org, places, pd, clock, Input, ct))
            .ToPageAsync(this, _ => Redirect("/public/proposals/submitted"), () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var units = await org.InDistrictAsync(ct, true, OrgKind.Street, OrgKind.Community);
        Streets = units.Where(u => u.Kind == OrgKind.Street)
            .Select(s => (s.PublicName, units.Where(u => u.Kind == OrgKind.Community && u.ParentId == s.Id).Select(u => (u.Id, u.PublicName)).ToList()))
            .Where(s => s.Item2.Count > 0).ToList();
        if (Community is not { } c || units.FirstOrDefault(u => u.Id == c && u.Kind == OrgKind.Community) is not { } community) return;
        CommunityName = community.PublicName;
        CompoundList = (await places.CompoundRoutesInDistrictAsync([c], ct)).Select(x => (x.Id, x.Name)).ToList();
    }
}
