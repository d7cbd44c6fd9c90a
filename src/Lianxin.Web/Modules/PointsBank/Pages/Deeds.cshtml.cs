using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/deeds: staff record a good deed for points; another staff member approves or rejects it (never the one who recorded it).</summary>
public class DeedsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public GoodDeedInput Input { get; set; } = new();
    public IReadOnlyList<OrgUnitRef> Communities { get; private set; } = [];
    public DeedsDesk? Desk { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Community = Input.CommunityId;
        return await (await ProposeGoodDeed.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, d =>
        {
            TempData["Flash"] = $"已登记 {d.PersonName} 的好人好事，待另一名工作人员审核后发放 {d.Points} 积分。";
            return Back();
        }, () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, int version, CancellationToken ct) =>
        await (await DecideGoodDeed.HandleAsync(db, clock, id, new DecideGoodDeedRequest(approve, version), ct)).ToPageAsync(this, d =>
        {
            TempData["Flash"] = approve ? $"已通过，{d.PersonName} 获得 {d.Points} 积分。" : $"已退回 {d.PersonName} 的好人好事积分。";
            return Back();
        }, () => LoadAsync(ct), "");

    IActionResult Back() => Redirect($"/pointsbank/deeds?community={Community}");

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("X贤银行", "/pointsbank"), new Platform.Shell.Crumb("好人好事积分") };
        Communities = (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(c => db.Scope.Can(PointsBankPermissions.Manage, c.Path)).ToList();
        if (Communities.Count == 0) return Forbid();
        Community ??= Communities[0].Id;
        if (Input.CommunityId == Guid.Empty) Input.CommunityId = Community.Value;
        var desk = await GetDeedsDesk.HandleAsync(db, org, Community.Value, ct);
        if (desk.Refusal(this) is { } end) return end;
        Desk = desk.Value;
        return null;
    }
}
