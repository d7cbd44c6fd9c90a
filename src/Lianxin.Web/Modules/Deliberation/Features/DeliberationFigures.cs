using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Deliberation.Features;

public record MotionFigureRow(Guid UnitId, string Name, int Motions, decimal? AtCompound, decimal? AtCommunity, decimal? AtStreet, decimal? Days);

public record CoverageRow(Guid UnitId, string Name, int Compounds, int Committees, int Red, IReadOnlyDictionary<PropertyKind, int> Property);

public record DeliberationFiguresDto(DateOnly From, DateOnly To, IReadOnlyList<MotionFigureRow> Motions, IReadOnlyList<CoverageRow> Coverage);

/// <summary>The figures page: the indicators of each community the caller sees (the same definitions leaders read elsewhere) and compound coverage.</summary>
public static class DeliberationFigures
{
    public static async Task<Outcome<DeliberationFiguresDto>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, IndicatorCatalog catalog,
        TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.View)) return Failure.Forbidden;
        var end = to ?? clock.Today();
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) return Failure.Invalid("From", "开始日期不能晚于结束日期。");
        var units = (await org.InScopeAsync(ct, true, OrgKind.Community)).ToList();
        if (units.Count == 0) units = (await org.ManyAsync(db.Scope.Grants.Select(g => g.OrgUnitId), ct)).OrderBy(u => u.Path).ToList();
        var paths = units.Select(u => u.Path).ToList();
        var codes = new[] { DeliberationIndicators.Motions, DeliberationIndicators.AtCompound, DeliberationIndicators.AtCommunity, DeliberationIndicators.AtStreet, DeliberationIndicators.Days };
        var values = await catalog.ReadAsync(codes, paths, start, end, ct);
        decimal? V(string code, string path) => values.TryGetValue((code, path), out var v) ? v.Value : null;
        var motions = units.Select(u => new MotionFigureRow(u.Id, u.DisplayName, (int)(V(DeliberationIndicators.Motions, u.Path) ?? 0),
            V(DeliberationIndicators.AtCompound, u.Path), V(DeliberationIndicators.AtCommunity, u.Path), V(DeliberationIndicators.AtStreet, u.Path),
            V(DeliberationIndicators.Days, u.Path) is { } d ? Math.Round(d, 1) : null)).ToList();
        var compounds = await CompoundCoverage.ReadAsync(db, org, places, paths, end, ct);
        var coverage = units.Select(u =>
        {
            var mine = compounds.Where(c => c.Compound.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)).ToList();
            return new CoverageRow(u.Id, u.DisplayName, mine.Count, mine.Count(c => c.CommitteeId is not null), mine.Count(c => c.IsRed),
                Enum.GetValues<PropertyKind>().ToDictionary(k => k, k => mine.Count(c => (c.Property ?? PropertyKind.None) == k)));
        }).ToList();
        return new DeliberationFiguresDto(start, end, motions, coverage);
    }
}
