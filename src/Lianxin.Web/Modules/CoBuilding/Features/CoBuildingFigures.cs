using System.Text.RegularExpressions;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>A year ("2026") or a quarter ("2026Q1") of Beijing dates, inclusive.</summary>
public sealed partial record FiguresPeriod(int Year, int? Quarter)
{
    public DateOnly From => new(Year, Quarter is { } q ? (q - 1) * 3 + 1 : 1, 1);
    public DateOnly To => Quarter is null ? new(Year, 12, 31) : From.AddMonths(3).AddDays(-1);
    public string Code => Quarter is { } q ? $"{Year}Q{q}" : $"{Year}";
    public string Label => Text.IsEnglish ? (Quarter is { } q ? $"Q{q} {Year}" : $"{Year}")
        : Quarter is { } q2 ? $"{Year}年第{"一二三四"[q2 - 1]}季度" : $"{Year}年";

    public static FiguresPeriod QuarterOf(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public static FiguresPeriod? Parse(string? text)
    {
        var m = Pattern().Match((text ?? "").Trim().ToUpperInvariant());
        if (!m.Success || int.Parse(m.Groups["y"].Value) is var y && y is < 2000 or > 2100) return null;
        return new(y, m.Groups["q"].Success ? int.Parse(m.Groups["q"].Value) : null);
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?Q(?<q>[1-4]))?$")]
    private static partial Regex Pattern();
}

public record FigureColumn(string Code, string Name, string Definition, IndicatorUnit Unit);

/// <summary>One unit's figures, in the order of the columns (null: nothing to divide by).</summary>
public record FigureRow(Guid? UnitId, string Name, IReadOnlyList<decimal?> Values);

/// <summary>共建数据: the units under <paramref name="UnitName"/> side by side on every co-building indicator for a period, and their total.</summary>
public record CoBuildingFiguresTable(Guid UnitId, string UnitName, string Period, string PeriodLabel, IReadOnlyList<FigureColumn> Columns,
    IReadOnlyList<FigureRow> Rows, FigureRow Total);

/// <summary>
/// Every <c>cobuilding.*</c> indicator of the platform catalogue (whoever in the module registered it) for the communities of a street,
/// the streets of a district, or a community alone, and the unit's own total (a rate of the total is the ratio of the summed parts).
/// </summary>
public static class CoBuildingFigures
{
    public const string Prefix = "cobuilding.";

    public static async Task<Outcome<CoBuildingFiguresTable>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
        Guid? unitId, string? period, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var id = unitId ?? db.Scope.Current?.OrgUnitId;
        var unit = id is { } u ? await org.FindAsync(u, ct) : null;
        if (unit is null) return Failure.NotFound;
        var p = period is null ? FiguresPeriod.QuarterOf(clock.Today()) : FiguresPeriod.Parse(period);
        if (p is null) return Failure.Invalid("period", "统计期格式应为“2026”（年）或“2026Q1”（季度）。");

        var child = unit.Kind switch { OrgKind.District => OrgKind.Street, OrgKind.Street => OrgKind.Community, _ => (OrgKind?)null };
        var rows = child is { } kind
            ? (await org.ChildrenAsync(unit.Id, ct)).Where(x => x.IsActive && x.Kind == kind).OrderBy(x => x.SortOrder).ThenBy(x => x.Name).ToList()
            : [];
        var indicators = catalog.All.Where(i => i.Code.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var codes = indicators.Select(i => i.Code).ToList();
        var values = await catalog.ReadAsync(codes, rows.Select(r => r.Path).Append(unit.Path).Distinct().ToList(), p.From, p.To, ct);
        List<decimal?> Of(string path) => indicators.Select(i => values.TryGetValue((i.Code, path), out var v) ? v.Value : null).ToList();

        return new CoBuildingFiguresTable(unit.Id, unit.DisplayName, p.Code, p.Label,
            indicators.Select(i => new FigureColumn(i.Code, i.Name, i.Definition, i.Unit)).ToList(),
            rows.Select(r => new FigureRow(r.Id, r.DisplayName, Of(r.Path))).ToList(),
            new FigureRow(unit.Id, rows.Count == 0 ? unit.DisplayName : "合计", Of(unit.Path)));
    }

    /// <summary>A figure as the page shows it: counts whole, averages to one decimal, rates as percentages.</summary>
    public static string Format(decimal? value, IndicatorUnit unit) => value switch
    {
        null => "—",
        { } v when unit == IndicatorUnit.Percent => (v * 100).ToString("0.0") + "%",
        { } v when v == Math.Round(v) => v.ToString("0"),
        { } v => v.ToString("0.0"),
    };

    /// <summary>The table as a workbook: a title line, a header row (frozen, filtered, printed on every page), numbers Excel can sum (rates as percentages).</summary>
    public static byte[] Workbook(CoBuildingFiguresTable t)
    {
        var all = t.Rows.Append(t.Total).ToList();
        // A column of whole numbers reads as whole numbers; one with an average in it gets one decimal.
        var formats = t.Columns.Select((c, k) => c.Unit == IndicatorUnit.Percent ? XlsxFormat.Percent
            : all.Any(r => r.Values[k] is { } v && v != Math.Round(v)) ? XlsxFormat.OneDecimal : XlsxFormat.Integer).ToList();
        IReadOnlyList<object?> Line(FigureRow r) => [r.Name, .. r.Values.Select((v, k) => (object?)Xlsx.Number(v is { } d ? (double)d : null, formats[k]))];
        var sheet = new XlsxSheet("共建数据", ["单位", .. t.Columns.Select(c => c.Name)], all.Select(Line))
        {
            Title = [$"{t.UnitName} 共建数据 · {t.PeriodLabel}"],
        };
        return Xlsx.Write([sheet]);
    }
}
