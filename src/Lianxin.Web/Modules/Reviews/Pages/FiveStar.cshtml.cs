using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Reviews.Pages;

/// <summary>/reviews/five-star?year=: the year-end 五星支部 award held against the year's 重点培养对象 list.</summary>
public class FiveStarModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : ReviewPageModel(db)
{
    public FiveStarYearDto Year { get; private set; } = null!;

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var y = year is >= 2000 and <= 2100 ? year.Value : clock.Today().Year;
        Year = (await FiveStarYear.GetAsync(Db, org, y, ct)).Value!;
        ViewData["Title"] = string.Format(Platform.Localization.Text.Of("{0} 年五星支部评定"), y);
        Crumbs(new Crumb("五星支部重点培养对象", $"/reviews/cultivation?year={y}"), new Crumb("年终评定"));
    }
}
