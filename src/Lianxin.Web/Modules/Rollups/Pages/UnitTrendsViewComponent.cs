using Lianxin.Web.Modules.Rollups.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Units;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Rollups.Pages;

/// <summary>
/// The 指标走势 panel on an org unit's page: any indicator as a line over months or quarters. The line is fetched from
/// <c>/api/v1/rollups/trend</c> in the browser, so opening the unit page reads no indicator; the unit is the one the page read.
/// </summary>
public class UnitTrendsViewComponent(LianxinDb db, IndicatorCatalog catalog) : ViewComponent
{
    public IViewComponentResult Invoke(UnitInfo unit)
    {
        var outcome = UnitTrendChoices.Handle(db.Scope, catalog, unit);
        return outcome.Kind == OutcomeKind.Ok
            ? View("~/Modules/Rollups/Pages/_UnitTrends.cshtml", outcome.Value!)
            : Content("");
    }
}
