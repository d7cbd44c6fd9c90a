using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/rates: the community's points per hour for each kind of volunteering (from now on; points earned stay).</summary>
public class RatesModel(LianxinDb db, OrgDirectory org, PointsBankOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [BindProperty] public RateForm Input { get; set; } = new();
    public IReadOnlyList<OrgUnitRef> Communities { get; private set; } = [];
    public EarnRates? Rates { get; private set; }

    public class RateForm
    {
        public string ActivityKind { get; set; } = "";
        public int? PointsPerHour { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = Input.PointsPerHour is { } rate
            ? await SetEarnRate.HandleAsync(db, org, Community ?? Guid.Empty, new EarnRateRequest(Input.ActivityKind, rate), ct)
            : Failure.Invalid(nameof(EarnRateRequest.PointsPerHour), "请填写每小时积分（0–1000 的整数）。");
        return await outcome.ToPageAsync(this, r =>
        {
            TempData["Flash"] = $"{r.KindName}：每小时 {r.PointsPerHour} 积分，自今后确认的服务时长起执行。";
            return Redirect($"/pointsbank/rates?community={Community}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("X贤银行", "/pointsbank"), new Platform.Shell.Crumb("志愿服务积分标准") };
        Communities = (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(c => db.Scope.Can(PointsBankPermissions.Manage, c.Path)).ToList();
        if (Communities.Count == 0) return Forbid();
        Community ??= Communities[0].Id;
        var rates = await GetEarnRates.HandleAsync(db, org, options, Community.Value, ct);
        if (rates.Refusal(this) is { } end) return end;
        Rates = rates.Value;
        return null;
    }
}
