using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank: a community's bank figures (issued, redeemed, outstanding, by merchant), applications and good deeds to decide.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, PointsBankIndicators figures, PointsBankOptions options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<OrgUnitRef> Communities { get; private set; } = [];
    public BankOffice? Office { get; private set; }
    /// <summary>The caller: a good deed they recorded is not theirs to approve.</summary>
    public Guid? Me => db.Scope.UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostMerchantAsync(Guid id, bool approve, int version, CancellationToken ct) =>
        await (await DecideMerchant.HandleAsync(db, clock, id, new DecideMerchantRequest(approve, null, version), ct)).ToPageAsync(this, _ => Back(), () => LoadAsync(ct), "");

    public async Task<IActionResult> OnPostDeedAsync(Guid id, bool approve, int version, CancellationToken ct) =>
        await (await DecideGoodDeed.HandleAsync(db, clock, id, new DecideGoodDeedRequest(approve, version), ct)).ToPageAsync(this, _ => Back(), () => LoadAsync(ct), "");

    public async Task<IActionResult> OnPostSettleAsync(Guid id, DateOnly from, DateOnly to, CancellationToken ct) =>
        await (await SettleMerchant.HandleAsync(db, clock, id, new SettleRequest(from, to), ct)).ToPageAsync(this, s => Redirect($"/pointsbank/settlements/{s.Id}"), () => LoadAsync(ct), "");

    IActionResult Back() => Redirect($"/pointsbank?community={Community}");

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("X贤银行") };
        Communities = await org.InScopeAsync(ct, true, OrgKind.Community);
        var id = Community ?? Communities.FirstOrDefault()?.Id;
        if (id is null) return null;
        Community = id;
        var today = clock.Today();
        var office = await GetBankOffice.HandleAsync(db, org, figures, options, id.Value, From ?? today.AddDays(1 - today.Day), To ?? today, ct);
        if (office.Refusal(this) is { } end) return end;
        Office = office.Value;
        return null;
    }
}
