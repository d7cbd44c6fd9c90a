using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lianxin.Web.Platform.Excel;

/// <summary>A workbook-level name a sheet needs (Excel's built-in names for the autofilter and the print titles).</summary>
record XlsxName(string Name, string Reference, bool Hidden);

/// <summary>Writes one worksheet part in the order the schema wants: properties, view, columns, rows, filter, dropdowns, print setup.</summary>
static class XlsxSheetWriter
{
    const int LastExcelRow = 1_048_576;

    /// <summary>Writes the sheet and answers the workbook names it needs (autofilter range, print titles).</summary>
    public static List<XlsxName> Write(WorksheetPart part, XlsxSheet sheet, XlsxChoices choices)
    {
        // The rows are held once: the column widths and the filter's range need them all before the XML can be written.
        var rows = sheet.Rows as IReadOnlyList<IReadOnlyList<object?>> ?? sheet.Rows.ToList();
        var headers = sheet.Headers;
        var width = Math.Max(headers.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        if (width == 0 && sheet.Title.Count > 0) width = 1;
        var columns = Enumerable.Range(1, Math.Max(width, 1)).Select(XlsxLayout.ColumnName).ToArray();
        var headerRow = headers.Count > 0 ? sheet.Title.Count + 1 : 0;
        var lastRow = sheet.Title.Count + (headerRow > 0 ? 1 : 0) + rows.Count;
        var text = headers.Select(h => sheet.TextColumns.Contains(h)).ToArray();
        bool IsText(int c) => c < text.Length && text[c];
        var widths = XlsxLayout.Widths(headers, rows, width);
        // Landscape and one page wide: more than a few columns, or columns too wide together for a portrait A4 page.
        var wide = width > Xlsx.WideColumns || widths.Sum() > XlsxLayout.PortraitWidth;

        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        if (wide) w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        if (headerRow > 0) WriteFrozenPane(w, headerRow + 1);
        if (width > 0)
        {
            w.WriteStartElement(new Columns());
            for (var c = 0; c < width; c++)
                w.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true, Style = IsText(c) ? XlsxStyles.Text : null });
            w.WriteEndElement();
        }

        w.WriteStartElement(new SheetData());
        var n = 0;
        foreach (var line in sheet.Title) WriteRow(w, ++n, [line], columns, _ => XlsxStyles.Title, _ => false);
        if (headerRow > 0) WriteRow(w, ++n, [.. headers], columns, _ => XlsxStyles.Header, _ => false);
        foreach (var row in rows) WriteRow(w, ++n, row, columns, null, IsText);
        w.WriteEndElement();

        var names = new List<XlsxName>();
        if (headerRow > 0)
        {
            var last = columns[headers.Count - 1];
            w.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{last}{lastRow}" });
            names.Add(new XlsxName("_xlnm._FilterDatabase", $"$A${headerRow}:${last}${lastRow}", true));
            names.Add(new XlsxName("_xlnm.Print_Titles", $"${1}:${headerRow}", false));
            WriteDropdowns(w, sheet, headerRow, columns, choices);
        }
        w.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        // A4 (paper size 9); a wide sheet goes landscape and is scaled to one page wide, as many pages tall as it needs.
        w.WriteElement(new PageSetup
        {
            PaperSize = 9, Orientation = wide ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = wide ? 1U : null, FitToHeight = wide ? 0U : null,
        });
        w.WriteElement(new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        w.WriteEndElement();
        return names;
    }

    static void WriteDropdowns(OpenXmlWriter w, XlsxSheet sheet, int headerRow, string[] columns, XlsxChoices choices)
    {
        var lists = sheet.Headers.Select((h, c) => (Column: columns[c], Values: sheet.Choices.GetValueOrDefault(h)))
            .Where(x => x.Values is { Count: > 0 }).ToList();
        if (lists.Count == 0) return;
        w.WriteStartElement(new DataValidations { Count = (uint)lists.Count });
        foreach (var (column, values) in lists)
            // A warning, not a stop: the import also accepts a branch's code, and checks every value itself.
            w.WriteElement(new DataValidation(new Formula1(choices.Reference(values!)))
            {
                Type = DataValidationValues.List, ErrorStyle = DataValidationErrorStyleValues.Warning, AllowBlank = true,
                ShowErrorMessage = true, ErrorTitle = "不在可选值中", Error = "请从下拉列表中选择（见“说明”工作表）。",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}{headerRow + 1}:{column}{LastExcelRow}" },
            });
        w.WriteEndElement();
    }

    static void WriteRow(OpenXmlWriter w, int number, IReadOnlyList<object?> values, string[] columns, Func<int, uint>? style, Func<int, bool> isText)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var c = 0; c < values.Count && c < columns.Length; c++)
        {
            var cell = XlsxLayout.Cell(values[c], isText(c));
            if (cell is null) continue; // an empty cell is no cell, as Excel leaves it
            cell.CellReference = columns[c] + number;
            if (style is not null) cell.StyleIndex = style(c);
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    /// <summary>The rows above <paramref name="firstScrolledRow"/> (title and header) stay in view while the rest scrolls.</summary>
    static void WriteFrozenPane(OpenXmlWriter w, int firstScrolledRow)
    {
        var split = firstScrolledRow - 1;
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = split, TopLeftCell = $"A{firstScrolledRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{firstScrolledRow}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{firstScrolledRow}" } })
        { WorkbookViewId = 0 }));
    }
}

/// <summary>The lists behind the workbook's dropdowns, one column each on the hidden <see cref="Xlsx.ChoicesSheet"/>; equal lists share a column.</summary>
sealed class XlsxChoices
{
    public List<IReadOnlyList<string>> Lists { get; } = [];

    public string Reference(IReadOnlyList<string> values)
    {
        var index = Lists.FindIndex(l => l.SequenceEqual(values));
        if (index < 0) { Lists.Add(values); index = Lists.Count - 1; }
        var column = XlsxLayout.ColumnName(index + 1);
        return $"'{Xlsx.ChoicesSheet}'!${column}$1:${column}${values.Count}";
    }

    public XlsxSheet Sheet() => new(Xlsx.ChoicesSheet, [],
        Enumerable.Range(0, Lists.Max(l => l.Count)).Select(r => (IReadOnlyList<object?>)Lists.Select(l => r < l.Count ? l[r] : null).ToList()).ToList());
}
