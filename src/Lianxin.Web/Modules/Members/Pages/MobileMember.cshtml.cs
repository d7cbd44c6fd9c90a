using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Members.Pages;

/// <summary>/members/{id}/mobile: a member's spans of working away; mark them mobile, or end the current span when they come back.</summary>
public class MobileMemberModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    [BindProperty] public MobileForm Input { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();
    public MobileHistoryView View { get; private set; } = null!;

    async Task<IActionResult?> LoadAsync(Guid id, bool keepPosted, CancellationToken ct)
    {
        var outcome = await MobileHistory.HandleAsync(Db, Org, pd, id, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        View = outcome.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("党员管理", "/members"), new Platform.Shell.Crumb(View.MemberName, $"/members/{id}"), new Platform.Shell.Crumb("外出流动") };
        if (!keepPosted)
        {
            Input = new MobileForm { StartedOn = clock.Today(), OnlineMeetings = true, Reports = true, MobileBranchId = View.Branches.FirstOrDefault()?.Id };
            End = new EndForm { EndedOn = clock.Today(), Version = View.Current?.Version ?? 0 };
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    public async Task<IActionResult> OnPostMarkAsync(Guid id, CancellationToken ct) =>
        await (await MarkMobile.HandleAsync(Db, Org, pd, clock, id, Input, ct)).ToPageAsync(this,
            r => { TempData["Flash"] = $"已登记 {r.MemberName} 外出流动。"; return Redirect($"/members/{id}/mobile"); }, () => LoadAsync(id, true, ct));

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid spanId, CancellationToken ct) =>
        await (await EndMobile.HandleAsync(Db, Org, pd, clock, spanId, End, ct)).ToPageAsync(this,
            r => { TempData["Flash"] = $"{r.MemberName} 已结束外出流动。"; return Redirect($"/members/{id}/mobile"); }, () => LoadAsync(id, true, ct), "End");
}
