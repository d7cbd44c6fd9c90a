using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>/reviews/buildings/{id}/stars: a building's 星级楼组 stars and how they came and went.</summary>
public class BuildingStarsModel(LianxinDb db, PlaceDirectory places) : ReviewPageModel(db)
{
    public BuildingStarStatus Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var status = await BuildingStars.GetAsync(Db, places, id, ct);
        if (!status.IsOk) return status.ToPage(this, _ => Page());
        Status = status.Value!;
        ViewData["Title"] = $"{Status.Name} · {Platform.Localization.Text.Of("星级楼组")}";
        Crumbs(new Crumb("星级楼组", "/reviews/buildings"), new Crumb(Status.Name));
        return Page();
    }
}
