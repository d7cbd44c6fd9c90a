using Lianxin.Web.Modules.Rollups.Domain;
using Lianxin.Web.Platform.Excel;

namespace Lianxin.Web.Modules.Rollups.Features;

/// <summary>The 对标对表 table as a workbook: values, then the change and the gaps per indicator, with the average and best rows.</summary>
public static class ExportComparison
{
    public static byte[] Workbook(Comparison c)
    {
        var headers = new List<string> { "单位" };
        foreach (var col in c.Columns)
            headers.AddRange([Title(col), $"{col.Name}·环比", $"{col.Name}·与最优差距", $"{col.Name}·与对标差距"]);
        IEnumerable<object?> Cells(UnitRow r) => c.Columns.SelectMany((_, k) => new object?[]
            { Xlsx.Number(D(r.Values[k])), Xlsx.Number(D(r.Changes[k])), Xlsx.Number(D(r.GapToBest[k])), Xlsx.Number(D(r.GapToBenchmark[k])) });
        var rows = c.Units.Select(r => (IReadOnlyList<object?>)[r.Name, .. Cells(r)]).ToList();
        rows.Add(["平均", .. c.Average.SelectMany(a => new object?[] { Xlsx.Number(D(a)), null, null, null })]);
        rows.Add(["最优单位", .. c.BestUnit.SelectMany(b => new object?[] { b, null, null, null })]);
        if (c.Benchmark is { } bench) rows.Add([$"对标：{bench.Name}", .. Cells(bench)]);
        var sheet = new XlsxSheet("对标对表", headers, rows)
        {
            Title = [$"{c.ParentName} 对标对表 · {c.PeriodLabel}（环比：{c.PreviousLabel}）"],
        };
        return Xlsx.Write([sheet]);
    }

    static string Title(IndicatorColumn col) => col.UnitName == "" ? col.Name : $"{col.Name}（{col.UnitName}）";

    static double? D(decimal? v) => v is { } d ? (double)d : null;
}
