using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Agreements;

/// <summary>/cobuilding/agreements/review: the year's fulfilment scores of the units stationed in a community or street; staff run it.</summary>
public class ReviewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<PartnerChoice> Stations { get; private set; } = [];
    public IReadOnlyList<UnitReviewRow> Rows { get; private set; } = [];
    public bool CanRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await RunAnnualReview.HandleAsync(db, org, clock, new AnnualReviewRequest { UnitId = Unit ?? Guid.Empty, Year = Year ?? clock.Today().Year }, ct);
        return await outcome.ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "年度履约评议已完成。";
            return Redirect($"/cobuilding/agreements/review?unit={Unit}&year={Year}");
        }, () => LoadAsync(ct), "");
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共建协议", "/cobuilding/agreements"), new Platform.Shell.Crumb("年度履约评议") };
        var choices = await GetLoopChoices.HandleAsync(db, org, ct);
        if (choices.Refusal(this) is { } end) return end;
        Stations = choices.Value!.Stations;
        CanRun = choices.Value.CanManage;
        if (Stations.Count == 0) return Forbid();
        Unit ??= Stations.FirstOrDefault(s => s.Id == db.Scope.Current?.OrgUnitId)?.Id ?? Stations[0].Id;
        Year ??= clock.Today().Year;
        var rows = await ListUnitReviews.HandleAsync(db, org, Unit.Value, Year.Value, ct);
        if (rows.Refusal(this) is { } stop) return stop;
        Rows = rows.Value ?? [];
        return null;
    }
}
