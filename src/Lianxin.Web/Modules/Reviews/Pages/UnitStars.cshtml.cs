using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>/reviews/units/{id}/stars: a unit's current star level, its history with reasons, and its own published results.</summary>
public class UnitStarsModel(LianxinDb db, OrgDirectory org) : ReviewPageModel(db)
{
    public string UnitName { get; private set; } = "";
    public StarStatus Status { get; private set; } = null!;
    /// <summary>Null when the caller may not see the unit's results (no ReviewView there).</summary>
    public List<OwnResult>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var status = await Stars.GetAsync(Db, org, id, ct);
        if (!status.IsOk) return status.ToPage(this, _ => Page());
        Status = status.Value!;
        UnitName = (await org.FindAsync(id, ct))!.Name;
        var results = await Rounds.UnitResultsAsync(Db, org, id, ct);
        Results = results.IsOk ? results.Value : null;
        ViewData["Title"] = $"{UnitName} · 星级评定";
        Crumbs(new Crumb(UnitName, $"/org/{id}"), new Crumb("星级评定"));
        return Page();
    }
}
