using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record ScreenTile(string Code, string Name, string Area, string Measure, decimal? Value, decimal? Change);

public sealed record ScreenChart(string Name, string Measure, IReadOnlyList<string> Units, IReadOnlyList<decimal?> Values);

public sealed record ScreenData(string UnitName, string PeriodLabel, string UpdatedAt, IReadOnlyList<ScreenTile> Tiles, IReadOnlyList<ScreenChart> Charts);

/// <summary>
/// The 大屏 of a street or district for the current quarter: a tile per area's headline indicator (with the change against
/// the previous quarter) and, for the first areas, a bar chart of it across the units below. Aggregates and unit names only:
/// nothing personal reaches a public screen.
/// </summary>
public static class ScreenFigures
{
    const int MaxCharts = 8;

    public static async Task<Outcome<ScreenData>> HandleAsync(OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindInDistrictAsync(unitId, ct);
        if (unit is null || !unit.IsActive) return Failure.NotFound;
        var period = ReportPeriod.QuarterOf(clock.Today());
        var prev = period.Previous();
        var children = await Peers.UnderAsync(org, unit, ct);
        var indicators = catalog.All;
        var codes = indicators.Select(i => i.Code).ToList();
        var now = await catalog.ReadAsync(codes, children.Select(c => c.Path).Append(unit.Path).ToList(), period.From, period.To, ct);
        var before = await catalog.ReadAsync(codes, [unit.Path], prev.From, prev.To, ct);

        // One headline per area keeps the screen to what a room can read; the rest are on 对标对表 and in the quarterly report.
        var headlines = Figures.Headlines(indicators);
        var tiles = headlines.Select(i => new ScreenTile(i.Code, i.Name, Areas.Of(i.Module), Text.Of(i.Unit.UnitName()),
            Figures.Shown(now, i, unit.Path), Figures.Gap(Figures.Shown(now, i, unit.Path), Figures.Shown(before, i, unit.Path)))).ToList();
        var charts = headlines.Take(MaxCharts)
            .Select(i => new ScreenChart(Areas.Of(i.Module) + Text.Of("：") + i.Name, Text.Of(i.Unit.UnitName()),
                children.Select(c => c.PublicName).ToList(), children.Select(c => Figures.Shown(now, i, c.Path)).ToList()))
            .ToList();
        return new ScreenData(unit.PublicName, period.Label, ChinaTime.Minutes(clock.GetUtcNow().UtcDateTime), tiles, charts);
    }
}
