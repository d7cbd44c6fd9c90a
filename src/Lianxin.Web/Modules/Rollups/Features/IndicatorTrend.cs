using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record TrendPoint(string Period, string Label, decimal? Value);

public sealed record Trend(Guid UnitId, string UnitName, string Code, string Name, string Measure, IReadOnlyList<TrendPoint> Points);

/// <summary>An indicator of one unit as a line over the last months or quarters (the current one last).</summary>
public static class IndicatorTrend
{
    public static async Task<Outcome<Trend>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
        Guid unitId, string code, bool quarters, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(RollupPermissions.View, unit.Path)) return Failure.Forbidden;
        var indicator = catalog.Find(code);
        if (indicator is null) return Failure.Invalid("Code", "没有这个指标。");
        var today = clock.Today();
        var period = quarters ? ReportPeriod.QuarterOf(today) : ReportPeriod.MonthOf(today);
        var periods = new List<ReportPeriod>();
        for (var i = 0; i < (quarters ? 8 : 12); i++, period = period.Previous()) periods.Insert(0, period);
        var points = new List<TrendPoint>();
        foreach (var p in periods)
        {
            var values = await catalog.ReadAsync([code], [unit.Path], p.From, p.To, ct);
            points.Add(new TrendPoint(p.Code, p.Label, Figures.Shown(values, indicator, unit.Path)));
        }
        return new Trend(unit.Id, unit.DisplayName, code, indicator.Name, indicator.Unit.UnitName(), points);
    }
}
