using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Units;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record TrendArea(string Name, IReadOnlyList<Indicator> Indicators);

public sealed record TrendChoices(Guid UnitId, string UnitName, string Selected, IReadOnlyList<TrendArea> Areas);

/// <summary>
/// Every indicator a unit's trend panel offers, grouped by area, the first area's headline selected. The unit is the one the
/// org page has read within the caller's scope (no second read of it, issue 15); roll-ups are shown only to who may read them there.
/// </summary>
public static class UnitTrendChoices
{
    public static Outcome<TrendChoices> Handle(OrgScope scope, IndicatorCatalog catalog, UnitInfo unit)
    {
        if (!scope.Can(RollupPermissions.View, unit.Path)) return Failure.Forbidden;
        var areas = catalog.All.GroupBy(i => i.Module).Select(g => new TrendArea(Areas.Of(g.Key), g.ToList())).ToList();
        if (areas.Count == 0) return Failure.NotFound;
        return new TrendChoices(unit.Id, unit.Name, areas[0].Indicators[0].Code, areas);
    }
}
