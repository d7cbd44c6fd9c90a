using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record TrendArea(string Name, IReadOnlyList<Indicator> Indicators);

public sealed record TrendChoices(Guid UnitId, string UnitName, string Selected, IReadOnlyList<TrendArea> Areas);

/// <summary>Every indicator a unit's trend panel offers, grouped by area, the first area's headline selected.</summary>
public static class UnitTrendChoices
{
    public static async Task<Outcome<TrendChoices>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(RollupPermissions.View, unit.Path)) return Failure.Forbidden;
        var areas = catalog.All.GroupBy(i => i.Module).Select(g => new TrendArea(Areas.Of(g.Key), g.ToList())).ToList();
        if (areas.Count == 0) return Failure.NotFound;
        return new TrendChoices(unit.Id, unit.DisplayName, areas[0].Indicators[0].Code, areas);
    }
}
