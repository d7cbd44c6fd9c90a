using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Rollups.Pages;

/// <summary>/rollups/trend: one indicator of a unit over the last 12 months or 8 quarters.</summary>
public class TrendModel(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    public Trend Result { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";
    public bool Quarters { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid unit, string code, bool quarters, CancellationToken ct)
    {
        var outcome = await IndicatorTrend.HandleAsync(db, org, catalog, clock, unit, code ?? "", quarters, ct);
        if (outcome.Kind == OutcomeKind.Invalid) return NotFound();
        if (outcome.Refusal(this) is { } end) return end;
        Result = outcome.Value!;
        Quarters = quarters;
        ChartJson = JsonSerializer.Serialize(new { name = Result.Name, measure = Result.Measure, labels = Result.Points.Select(p => p.Label), values = Result.Points.Select(p => p.Value) });
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("对标对表", "/rollups"), new Platform.Shell.Crumb(Result.Name) };
        return Page();
    }
}
