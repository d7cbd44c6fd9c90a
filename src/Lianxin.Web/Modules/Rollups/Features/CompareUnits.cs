using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record CompareRequest(Guid? ParentId = null, IReadOnlyList<string>? Codes = null, string? Period = null, Guid? BenchmarkId = null);

public sealed record IndicatorColumn(string Code, string Name, string Definition, string Module, IndicatorUnit Unit, string UnitName, bool HigherIsBetter);

/// <summary>One unit's row: per column its value, the change against the previous period and its gaps to the best and the benchmark.</summary>
public sealed record UnitRow(Guid UnitId, string Name, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?> Changes,
    IReadOnlyList<decimal?> GapToBest, IReadOnlyList<decimal?> GapToBenchmark);

public sealed record UnitOption(Guid Id, string Name);

public sealed record Comparison(Guid ParentId, string ParentName, string Period, string PeriodLabel, DateOnly From, DateOnly To,
    string PreviousLabel, IReadOnlyList<IndicatorColumn> Columns, IReadOnlyList<UnitRow> Units, IReadOnlyList<decimal?> Average,
    IReadOnlyList<string?> BestUnit, UnitRow? Benchmark, IReadOnlyList<UnitOption> BenchmarkOptions, IReadOnlyList<IndicatorColumn> Catalog);

/// <summary>
/// 对标对表: the units directly under a street (its communities) or a district (its streets) side by side on chosen
/// indicators for a period, with their average, the best unit, a chosen benchmark unit (对标先进) and the change against
/// the previous period. Every figure comes from the module that owns the indicator (<see cref="IndicatorCatalog"/>).
/// </summary>
public static class CompareUnits
{
    public static async Task<Outcome<Comparison>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
        CompareRequest request, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(RollupPermissions.View)) return Failure.Forbidden;
        var parentId = request.ParentId ?? db.Scope.Current?.OrgUnitId;
        if (parentId is null) return Failure.NotFound;
        var parent = await org.FindAsync(parentId.Value, ct);
        if (parent is null) return Failure.NotFound;
        if (!db.Scope.Can(RollupPermissions.View, parent.Path)) return Failure.Forbidden;

        var period = request.Period is null ? ReportPeriod.QuarterOf(clock.Today()) : ReportPeriod.Parse(request.Period);
        if (period is null) return Failure.Invalid("Period", "统计期格式应为“2026-11”（月）、“2026Q3”（季度）或“2026”（年）。");
        var all = catalog.All;
        var unknown = (request.Codes ?? []).Where(c => all.All(i => i.Code != c)).ToList();
        if (unknown.Count > 0) return Failure.Invalid("Codes", $"没有这些指标：{string.Join("、", unknown)}。");
        // Unless asked otherwise, each area's headline indicator: all of them side by side would be unreadable.
        var chosen = request.Codes is { Count: > 0 } codes ? all.Where(i => codes.Contains(i.Code)).ToList()
            : Figures.Headlines(all);

        var units = await Peers.UnderAsync(org, parent, ct);
        var peers = units.Count == 0 ? [] : await org.InScopeAsync(ct, true, units[0].Kind);
        OrgUnitRef? benchmark = null;
        if (request.BenchmarkId is { } bid)
        {
            benchmark = await org.FindAsync(bid, ct);
            if (benchmark is null) return Failure.Invalid("BenchmarkId", "对标单位不存在或不在您的管理范围内。");
        }

        var paths = units.Select(u => u.Path).Append(benchmark?.Path).OfType<string>().Distinct().ToList();
        var codeList = chosen.Select(i => i.Code).ToList();
        var now = await catalog.ReadAsync(codeList, paths, period.From, period.To, ct);
        var prev = period.Previous();
        var before = await catalog.ReadAsync(codeList, paths, prev.From, prev.To, ct);
        var raw = units.ToDictionary(u => u.Id, u => chosen.Select(i => Figures.Shown(now, i, u.Path)).ToList());
        var best = chosen.Select((i, k) => Figures.Best(units.Select(u => raw[u.Id][k]), i.HigherIsBetter)).ToList();
        var benchValues = benchmark is null ? null : chosen.Select(i => Figures.Shown(now, i, benchmark.Path)).ToList();

        UnitRow Row(OrgUnitRef u, IReadOnlyList<decimal?> values) => new(u.Id, u.DisplayName, values,
            chosen.Select((i, k) => Figures.Gap(values[k], Figures.Shown(before, i, u.Path))).ToList(),
            chosen.Select((_, k) => Figures.Gap(values[k], best[k])).ToList(),
            chosen.Select((_, k) => Figures.Gap(values[k], benchValues?[k])).ToList());

        return new Comparison(parent.Id, parent.DisplayName, period.Code, period.Label, period.From, period.To, prev.Label,
            chosen.Select(Column).ToList(),
            units.Select(u => Row(u, raw[u.Id])).ToList(),
            chosen.Select((_, k) => Figures.Mean(units.Select(u => raw[u.Id][k]))).ToList(),
            chosen.Select((_, k) => best[k] is null ? null : units.First(u => raw[u.Id][k] == best[k]).DisplayName).ToList(),
            benchmark is null ? null : Row(benchmark, benchValues!),
            peers.Select(p => new UnitOption(p.Id, p.DisplayName)).ToList(),
            all.Select(Column).ToList());
    }

    static IndicatorColumn Column(Indicator i) => new(i.Code, i.Name, i.Definition, i.Module, i.Unit, i.Unit.UnitName(), i.HigherIsBetter);
}
