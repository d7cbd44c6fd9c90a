using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Contracts;
using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Rollups.Features;

public sealed record QuarterlyWorkbook(string FileName, byte[] Content);

/// <summary>
/// The quarterly report of a street or district: a summary sheet of every indicator for the unit (this quarter, the
/// previous one, the change), then one sheet per area with the units under it as rows and the unit's total last.
/// </summary>
public static class QuarterlyReport
{
    public static async Task<Outcome<QuarterlyWorkbook>> HandleAsync(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
        Guid unitId, string? quarter, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(RollupPermissions.View, unit.Path)) return Failure.Forbidden;
        var period = quarter is null ? ReportPeriod.QuarterOf(clock.Today()).Previous() : ReportPeriod.Parse(quarter);
        if (period is not { Kind: PeriodKind.Quarter }) return Failure.Invalid("Quarter", "季度格式应为“2026Q3”。");

        var children = await Peers.UnderAsync(org, unit, ct);
        var indicators = catalog.All;
        var codes = indicators.Select(i => i.Code).ToList();
        var paths = children.Select(c => c.Path).Append(unit.Path).ToList();
        var now = await catalog.ReadAsync(codes, paths, period.From, period.To, ct);
        var prev = period.Previous();
        var before = await catalog.ReadAsync(codes, [unit.Path], prev.From, prev.To, ct);

        var summary = new XlsxSheet("概览", ["领域", "指标", "单位", period.Label, prev.Label, "变化", "口径"],
            indicators.Select(i =>
            {
                var a = Figures.Shown(now, i, unit.Path);
                var b = Figures.Shown(before, i, unit.Path);
                return (IReadOnlyList<object?>)[Areas.Of(i.Module), i.Name, i.Unit.UnitName(), N(a), N(b), N(Figures.Gap(a, b)), i.Definition];
            }).ToList())
        {
            Title = [$"{unit.Name} {period.Label}党建引领基层治理工作报表", $"生成时间：{ChinaTime.Format(clock.GetUtcNow().UtcDateTime)}"],
        };
        var sheets = new List<XlsxSheet> { summary };
        foreach (var area in indicators.GroupBy(i => i.Module))
        {
            var list = area.ToList();
            var headers = new List<string> { "单位" };
            headers.AddRange(list.Select(i => i.Unit.UnitName() == "" ? i.Name : $"{i.Name}（{i.Unit.UnitName()}）"));
            var rows = children.Select(c => (IReadOnlyList<object?>)[c.DisplayName, .. list.Select(i => N(Figures.Shown(now, i, c.Path)))]).ToList();
            rows.Add([$"{unit.DisplayName}合计", .. list.Select(i => N(Figures.Shown(now, i, unit.Path)))]);
            sheets.Add(new XlsxSheet(Areas.Of(area.Key), headers, rows) { Title = [$"{Areas.Of(area.Key)} · {period.Label}"] });
        }
        return new QuarterlyWorkbook($"{unit.DisplayName}-{period.Code}-季度报表.xlsx", Xlsx.Write(sheets));
    }

    static XlsxNumber N(decimal? v) => Xlsx.Number(v is { } d ? (double)d : null);
}
