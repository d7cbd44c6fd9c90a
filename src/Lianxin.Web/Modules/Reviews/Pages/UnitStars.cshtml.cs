using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>/reviews/units/{id}/stars: a unit's current star level, its history with reasons, its own published results with the
/// street's 点评, and its trend across rounds beside the street's average.</summary>
public class UnitStarsModel(LianxinDb db, OrgDirectory org) : ReviewPageModel(db)
{
    public string UnitName { get; private set; } = "";
    public StarStatus Status { get; private set; } = null!;
    /// <summary>Null when the caller may not see the unit's results (no ReviewView there).</summary>
    public List<OwnResult>? Results { get; private set; }
    /// <summary>Null when the caller may not see the unit's results.</summary>
    public UnitTrendDto? Trend { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var status = await Stars.GetAsync(Db, org, id, ct);
        if (!status.IsOk) return status.ToPage(this, _ => Page());
        Status = status.Value!;
        UnitName = (await org.FindAsync(id, ct))!.Name;
        var results = await Rounds.UnitResultsAsync(Db, org, id, ct);
        Results = results.IsOk ? results.Value : null;
        var trend = await UnitTrend.GetAsync(Db, org, id, ct);
        Trend = trend.IsOk ? trend.Value : null;
        ViewData["Title"] = $"{UnitName} · {Platform.Localization.Text.Of("星级评定")}";
        Crumbs(new Crumb(UnitName, $"/org/{id}"), new Crumb("星级评定"));
        return Page();
    }

    /// <summary>What the trend chart draws, as JSON for the inline script.</summary>
    public string TrendJson => JsonSerializer.Serialize(new
    {
        labels = Trend!.Points.Select(p => p.RoundName),
        unit = Trend.UnitName,
        totals = Trend.Points.Select(p => p.Total),
        averages = Trend.Points.Select(p => p.StreetAverage),
    });
}
