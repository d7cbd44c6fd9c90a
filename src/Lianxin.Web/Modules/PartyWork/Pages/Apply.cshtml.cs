using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/apply: 申请入党 for a signed-in resident (phone first): their applications' state, and the form while none is open.</summary>
public class ApplyModel(LianxinDb db, OrgDirectory org, PlaceDirectory places, MemberDirectory members, PersonalData pd, TimeProvider clock) : PageModel
{
    [BindProperty] public ResidentApplicationInput Input { get; set; } = new();
    public ApplyPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await ApplyForMembership.HandleAsync(db, org, places, members, pd, clock, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "入党申请已提交，所在党支部会与您联系谈话。";
            return Redirect("/partywork/apply");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("申请入党") };
        var page = await MyApplications.HandleAsync(db, org, places, ct);
        if (page.Refusal(this) is { } end) return end;
        View = page.Value!;
        return null;
    }
}
