using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>
/// /public/compounds/{id}/central-households: residents of a compound recommend a nominee for 党员中心户 (群众推荐) without an
/// account. Names are masked; a honeypot catches form robots; the limiter caps submissions per client.
/// </summary>
[AllowAnonymous]
public class PublicRecommendModel(LianxinDb db, PlaceDirectory places, TimeProvider clock, RecommendationLimiter limiter) : PageModel
{
    [BindProperty] public RecommendationForm Input { get; set; } = new();
    /// <summary>Honeypot: hidden from people; a robot that fills it is thanked and nothing is stored.</summary>
    [BindProperty] public string? Website { get; set; }
    public PublicRecommendationView View { get; private set; } = null!;
    public RecommendationReceipt? Receipt { get; private set; }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var outcome = await PublicRecommendationPage.HandleAsync(db, places, id, ct);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value!;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        if (!string.IsNullOrEmpty(Website)) { Receipt = new RecommendationReceipt(Guid.Empty, "", "", ""); return Page(); }
        if (!limiter.TryAcquire(HttpContext, out var wait))
        {
            ModelState.AddModelError("", RecommendationLimiter.Message);
            TooManyRequests.Mark(Response, wait);
            return Page();
        }
        var outcome = await RecommendCentralHousehold.PublicAsync(db, places, clock, id, Input, ct);
        if (outcome.IsOk) { Receipt = outcome.Value; Input = new(); }
        else outcome.CopyTo(ModelState, "Input");
        return Page();
    }
}
