using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>/reviews/buildings: the 星级楼组 of the caller's area, each building with its current stars.</summary>
public class BuildingsModel(LianxinDb db, PlaceDirectory places) : ReviewPageModel(db)
{
    public List<BuildingStarRow> Rows { get; private set; } = [];
    public bool Manages => Db.Scope.CanAnywhere(ReviewPermissions.ReviewManage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await BuildingStars.ListAsync(Db, places, ct);
        ViewData["Title"] = "星级楼组";
        Crumbs(new Crumb("星级楼组"));
    }
}
