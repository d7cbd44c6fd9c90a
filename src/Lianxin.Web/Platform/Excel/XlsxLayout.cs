using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lianxin.Web.Platform.Excel;

/// <summary>How a .NET value becomes a cell, and how wide a column must be to show its cells.</summary>
static class XlsxLayout
{
    /// <summary>No column is fitted wider than this (in Excel's character widths); a longer text wraps instead.</summary>
    public const double MaxWidth = 60;
    const double MinWidth = 6;

    /// <summary>About how many character widths fit across a portrait A4 page at 100% within the margins.</summary>
    public const double PortraitWidth = 95;

    /// <summary>The cell for a value, null when the value is empty (null, "", a number with no value).</summary>
    public static Cell? Cell(object? value, bool textColumn)
    {
        switch (value)
        {
            case null or "": return null;
            case XlsxNumber { Value: { } d } n when double.IsFinite(d): return Number(d, XlsxStyles.Of(n.Format));
            case XlsxNumber: return null;
            case DateOnly d: return Number(d.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxStyles.Date);
            case DateTime t: return Number(t.ToOADate(), XlsxStyles.DateTime);
            case double d when !double.IsFinite(d): return null;
            case float f when !float.IsFinite(f): return null;
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return Number(Convert.ToDouble(value, CultureInfo.InvariantCulture), XlsxStyles.General);
        }
        var text = value switch
        {
            bool b => b ? "是" : "否",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text == "") return null;
        var cell = new Cell { DataType = CellValues.InlineString, StyleIndex = textColumn ? XlsxStyles.Text : TextWidth(text) > MaxWidth ? XlsxStyles.Wrap : XlsxStyles.General };
        cell.AppendChild(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return cell;
    }

    static Cell Number(double value, uint style) => new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };

    /// <summary>Each column's width: its widest cell (header included, with room for the filter button), within bounds.</summary>
    public static double[] Widths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows, int columns)
    {
        var widths = new double[columns];
        for (var c = 0; c < headers.Count; c++) widths[c] = TextWidth(headers[c]) + 3;
        foreach (var row in rows)
            for (var c = 0; c < row.Count && c < columns; c++)
                widths[c] = Math.Max(widths[c], Shown(row[c]));
        return [.. widths.Select(w => Math.Round(Math.Clamp(w + 2, MinWidth, MaxWidth), 1))];
    }

    /// <summary>How many character widths a value takes as Excel shows it.</summary>
    static double Shown(object? value) => value switch
    {
        null => 0,
        XlsxNumber { Value: { } d } n => n.Format switch
        {
            XlsxFormat.Integer => d.ToString("N0", CultureInfo.InvariantCulture).Length,
            XlsxFormat.OneDecimal => d.ToString("F1", CultureInfo.InvariantCulture).Length,
            XlsxFormat.Percent => (d * 100).ToString("F1", CultureInfo.InvariantCulture).Length + 1,
            _ => Math.Min(11, d.ToString("G11", CultureInfo.InvariantCulture).Length),
        },
        XlsxNumber => 0,
        DateOnly => 10,
        DateTime => 16,
        IFormattable f => Math.Min(11, f.ToString(null, CultureInfo.InvariantCulture).Length),
        _ => TextWidth(value.ToString() ?? ""),
    };

    /// <summary>The widest line of a text, a CJK or full-width character counting two (as it shows in Excel's default font).</summary>
    public static double TextWidth(string text)
    {
        double widest = 0, line = 0;
        foreach (var ch in text)
        {
            if (ch == '\n') { widest = Math.Max(widest, line); line = 0; continue; }
            line += IsWide(ch) ? 2 : 1;
        }
        return Math.Max(widest, line);
    }

    static bool IsWide(char ch) => ch is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
        or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';

    /// <summary>A, B, …, Z, AA, … for a 1-based column number.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }
}
