using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Pages;

/// <summary>/public/demands/track: ticket plus the last four phone digits show the progress; a resolved demand can be rated here.</summary>
[AllowAnonymous]
public class PublicTrackModel(LianxinDb db, OrgDirectory org, TimeProvider clock, TrackingThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Ticket { get; set; }
    [BindProperty] public string? PhoneTail { get; set; }
    [BindProperty] public Satisfaction? Rating { get; set; }
    [BindProperty] public string? RatingNote { get; set; }

    public TrackedDemand? Found { get; private set; }
    public bool Searched { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Searched = true;
        if (Throttled()) return;
        Found = await TrackDemand.HandleAsync(db, Ticket, PhoneTail, ct, clock);
        if (Found is null)
        {
            throttle.Failed(Ticket, TrackingThrottle.ClientOf(HttpContext));
            ModelState.AddModelError("", "未找到该诉求，请核对受理编号和手机号后四位。");
        }
    }

    /// <summary>Too many failed lookups of this ticket or from this client (ADR 0030): the page says how long to wait, with a 429.</summary>
    bool Throttled()
    {
        if (throttle.RetryAfter(Ticket, TrackingThrottle.ClientOf(HttpContext)) is not { } wait) return false;
        TooManyRequests.Mark(Response, wait);
        ModelState.AddModelError("", TrackingThrottle.Message(wait));
        return true;
    }

    /// <summary>The resident cancels their appointment: the place goes back to others.</summary>
    public async Task OnPostCancelAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Searched = true;
        if (Throttled()) return;
        var outcome = await ServiceSlots.CancelByResidentAsync(db, org, clock, Ticket ?? "", PhoneTail ?? "", ct);
        if (outcome.Kind == OutcomeKind.NotFound) throttle.Failed(Ticket, TrackingThrottle.ClientOf(HttpContext));
        if (outcome.IsOk) TempData["Flash"] = "预约已取消，名额已释放。";
        else outcome.CopyTo(ModelState, "");
        Found = await TrackDemand.HandleAsync(db, Ticket, PhoneTail, ct, clock);
    }

    public async Task OnPostRateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Searched = true;
        if (Throttled()) return;
        var outcome = await RateDemand.ByResidentAsync(db, org, clock, Ticket ?? "", PhoneTail ?? "", new RateRequest { Rating = Rating, Note = RatingNote }, ct);
        if (outcome.Kind == OutcomeKind.NotFound) throttle.Failed(Ticket, TrackingThrottle.ClientOf(HttpContext));
        if (outcome.IsOk)
            TempData["Flash"] = outcome.Value!.State == DemandState.Closed ? "感谢您的评价！" : "已收到您的意见，诉求将重新办理。";
        else outcome.CopyTo(ModelState, "");
        Found = await TrackDemand.HandleAsync(db, Ticket, PhoneTail, ct, clock);
        if (Found is null && outcome.IsOk) ModelState.AddModelError("", "未找到该诉求，请核对受理编号和手机号后四位。");
    }
}
