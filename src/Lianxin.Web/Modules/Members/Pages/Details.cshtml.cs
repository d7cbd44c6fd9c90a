using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Members.Pages;

public class DetailsModel(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock) : MemberPageModel(db, units, places)
{
    public MemberCard Card { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public AccountLink? Account { get; private set; }
    /// <summary>Accounts found by the search box (for those who may manage the member).</summary>
    public List<AccountOption>? Candidates { get; private set; }
    [BindProperty(SupportsGet = true)] public string? AccountQ { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetMember.HandleAsync(Db, Org, Places, pd, clock, id, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        return await ShowAsync(id, outcome.Value!, ct);
    }

    async Task<IActionResult> ShowAsync(Guid id, MemberCard card, CancellationToken ct)
    {
        Card = card;
        CanManage = Db.Scope.Can(MemberPermissions.MemberManage, Db.Members.Where(m => m.Id == id).Select(m => m.OrgPath).First());
        if (CanManage)
        {
            Account = (await LinkAccount.GetAsync(Db, id, ct)).Value;
            if (!string.IsNullOrWhiteSpace(AccountQ)) Candidates = (await LinkAccount.SearchAsync(Db, id, AccountQ, ct)).Value;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid userId, int version, CancellationToken ct)
    {
        var outcome = await LinkAccount.LinkAsync(Db, id, new AccountLinkForm(userId, version), ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        if (outcome.IsOk) { TempData["Flash"] = $"已关联登录账号 {outcome.Value!.UserName}。"; return Redirect($"/members/{id}"); }
        return await ReshowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, int version, CancellationToken ct)
    {
        var outcome = await LinkAccount.UnlinkAsync(Db, id, version, ct);
        if (outcome.Refusal(this) is { } stop) return stop;
        if (outcome.IsOk) { TempData["Flash"] = "已解除登录账号关联。"; return Redirect($"/members/{id}"); }
        return await ReshowAsync(id, ct);
    }

    async Task<IActionResult> ReshowAsync(Guid id, CancellationToken ct)
    {
        var card = await GetMember.HandleAsync(Db, Org, Places, pd, clock, id, ct);
        if (card.Refusal(this) is { } stop) return stop;
        return await ShowAsync(id, card.Value!, ct);
    }
}
