using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/reserves: reserve cadres (书记助理、主任助理、领头雁) per community, and recording one.</summary>
public class ReservesModel(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public ReserveInput Input { get; set; } = new();
    public ReserveList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Since = clock.Today();
        Input.CommunityId = Community;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await AddReserveCadre.HandleAsync(db, org, members, clock, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "后备干部已登记。";
            return Redirect($"/partywork/reserves?community={Input.CommunityId}");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("支部班子与换届", "/partywork/committees"), new Platform.Shell.Crumb("后备干部") };
        var l = await ListReserveCadres.HandleAsync(db, org, Community, ct);
        if (l.Refusal(this) is { } end) return end;
        List = l.Value!;
        return null;
    }
}
