using System.Globalization;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/training/ranking: a month's test ranking of a unit's members (月练兵 with kind=Drill).</summary>
public class RankingModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public TrainingKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public RankingReport? Report { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];
    public string PagerUrl => $"/orglife/training/ranking?unit={Report?.UnitId}&month={Month}&kind={Kind}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("培训与月练兵", "/orglife/training"), new Platform.Shell.Crumb("成绩排名") };
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Forbid();
        var today = clock.Today();
        var first = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community)).OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder)
            .Select(u => (u.Id, u.DisplayName)).ToList();
        var report = await GetTrainingRanking.HandleAsync(db, org, clock, Unit ?? (Units.Count > 0 ? Units[0].Id : null), first, first.AddMonths(1).AddDays(-1), Kind, PageNo, ct);
        if (report.Refusal(this) is { } end) return end;
        Report = report.Value;
        return Page();
    }
}
