using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lianxin.Web.Platform.Excel;

/// <summary>
/// The small Excel helper every module shares: write sheets from rows under Chinese headers, read a
/// sheet's rows by header, or a named sheet's raw rows. Streams (OpenXmlWriter/Reader) so a 100,000-row roster stays cheap.
/// Everything is written as text (ID numbers and phones must not turn into numbers in Excel) unless wrapped
/// in <see cref="Number"/>, which writes a numeric cell Excel can sum and sort.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write([new XlsxSheet(sheetName, headers, rows)]);

    /// <summary>A numeric cell (null: an empty cell), shown in <paramref name="format"/>. Other values are written as text.</summary>
    public static XlsxNumber Number(double? value, XlsxFormat format = XlsxFormat.General) => new(value, format);

    /// <summary>A workbook of several named sheets, in order.</summary>
    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var list = new Sheets();
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var ws = wb.AddNewPart<WorksheetPart>();
                using (var w = OpenXmlWriter.Create(ws))
                {
                    w.WriteStartElement(new Worksheet());
                    if (sheet.FreezeHeader && sheet.Headers.Count > 0) WriteFrozenPane(w, sheet.Title.Count + 2);
                    var width = Math.Max(sheet.Headers.Count, sheet.Title.Count > 0 ? 1 : 0);
                    if (width > 0)
                    {
                        w.WriteStartElement(new Columns());
                        for (uint i = 1; i <= width; i++)
                            w.WriteElement(new Column { Min = i, Max = i, Width = 16, CustomWidth = true });
                        w.WriteEndElement();
                    }
                    w.WriteStartElement(new SheetData());
                    foreach (var line in sheet.Title) WriteRow(w, [line], bold: true);
                    if (sheet.Headers.Count > 0) WriteRow(w, sheet.Headers.Cast<object?>().ToList(), bold: true);
                    foreach (var row in sheet.Rows) WriteRow(w, row, bold: false);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                list.AppendChild(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = sheet.Name });
            }
            wb.Workbook = new Workbook(list);
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    static void WriteRow(OpenXmlWriter w, IReadOnlyList<object?> values, bool bold)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
        {
            if (v is XlsxNumber number)
            {
                if (number.Value is { } d && double.IsFinite(d))
                {
                    w.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(d), StyleIndex = bold ? 1U : NumberStyle(number.Format) });
                    continue;
                }
            }
            var text = v switch
            {
                null or XlsxNumber => "",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            };
            var cell = new Cell { DataType = CellValues.InlineString, StyleIndex = bold ? 1U : 0U };
            cell.AppendChild(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
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

    // Cell formats: 0 text, 1 bold, then one per XlsxFormat after General (2 integer, 3 one decimal, 4 percent with one decimal).
    static uint NumberStyle(XlsxFormat format) => format == XlsxFormat.General ? 0U : 1U + (uint)format;

    static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" }),
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }));

    /// <summary>
    /// The first sheet's rows as header → text, numbered as Excel shows them (row 2 is the first data row).
    /// Empty rows are skipped. Numbers come back as Excel stored them (dates as serials: see <see cref="Date"/>).
    /// </summary>
    public static List<SheetRow> Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("不是有效的 Excel 文件。");
        var shared = SharedStrings(wb);
        var first = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Excel 文件没有工作表。");
        var result = new List<SheetRow>();
        string[]? headers = null;
        foreach (var (number, row) in Rows((WorksheetPart)wb.GetPartById(first.Id!), shared))
        {
            if (headers is null)
            {
                headers = new string[row.Keys.Max() + 1];
                foreach (var (i, h) in row) headers[i] = h;
                continue;
            }
            var values = new Dictionary<string, string>();
            foreach (var (i, v) in row)
                if (i < headers.Length && !string.IsNullOrEmpty(headers[i])) values[headers[i]] = v;
            result.Add(new SheetRow(number ?? result.Count + 2, values));
        }
        return result;
    }

    /// <summary>
    /// The named sheets' rows as they stand, no header mapping: each non-empty row with its Excel row number and its cell texts
    /// by column (gaps filled with ""). A name the workbook lacks is missing from the answer. A file that is not an .xlsx
    /// workbook throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static Dictionary<string, List<XlsxRow>> ReadRaw(Stream stream, params string[] sheetNames)
    {
        SpreadsheetDocument doc;
        try { doc = SpreadsheetDocument.Open(stream, false); }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or IOException) { throw new InvalidDataException("不是有效的 Excel 文件。", e); }
        using (doc)
        {
            var wb = doc.WorkbookPart ?? throw new InvalidDataException("不是有效的 Excel 文件。");
            var shared = SharedStrings(wb);
            var result = new Dictionary<string, List<XlsxRow>>();
            foreach (var name in sheetNames)
            {
                var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name == name);
                if (sheet is null) continue;
                result[name] = Rows((WorksheetPart)wb.GetPartById(sheet.Id!), shared)
                    .Select((r, n) => new XlsxRow(r.Number ?? n + 1, Enumerable.Range(0, r.Cells.Keys.Max() + 1).Select(i => r.Cells.GetValueOrDefault(i, "")).ToList()))
                    .ToList();
            }
            return result;
        }
    }

    static List<string> SharedStrings(WorkbookPart wb) =>
        wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

    /// <summary>The non-empty rows of a sheet: Excel row number and trimmed cell texts by column index, shared strings resolved.</summary>
    static IEnumerable<(int? Number, Dictionary<int, string> Cells)> Rows(WorksheetPart ws, List<string> shared)
    {
        var rows = new List<(int?, Dictionary<int, string>)>();
        // A plain XmlReader over the sheet: the SDK's element readers cost more than the rest of an import.
        using var part = ws.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(part, new System.Xml.XmlReaderSettings { IgnoreWhitespace = false, IgnoreComments = true });
        Dictionary<int, string>? cells = null;
        string? rowNumber = null, reference = null, type = null;
        System.Text.StringBuilder? text = null;
        var inValue = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case System.Xml.XmlNodeType.Element:
                    switch (xml.LocalName)
                    {
                        case "row":
                            rowNumber = xml.GetAttribute("r");
                            cells = [];
                            if (xml.IsEmptyElement) { Finish(); }
                            break;
                        case "c" when cells is not null:
                            reference = xml.GetAttribute("r");
                            type = xml.GetAttribute("t");
                            text = new System.Text.StringBuilder();
                            if (xml.IsEmptyElement) EndCell();
                            break;
                        case "v" or "t" when text is not null:
                            inValue = !xml.IsEmptyElement;
                            break;
                    }
                    break;
                case System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace or System.Xml.XmlNodeType.CDATA when inValue:
                    text!.Append(xml.Value);
                    break;
                case System.Xml.XmlNodeType.EndElement:
                    switch (xml.LocalName)
                    {
                        case "v" or "t": inValue = false; break;
                        case "c" when text is not null: EndCell(); break;
                        case "row": Finish(); break;
                    }
                    break;
            }
        }
        return rows;

        void EndCell()
        {
            var raw = text!.ToString();
            var value = type == "s" && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) && si < shared.Count ? shared[si] : raw;
            cells![ColumnIndex(reference) ?? cells.Count] = value.Trim();
            text = null;
        }

        void Finish()
        {
            var row = cells!;
            cells = null;
            if (row.Count == 0 || row.Values.All(string.IsNullOrEmpty)) return;
            rows.Add((int.TryParse(rowNumber, out var n) ? n : null, row));
        }
    }

    /// <summary>A date typed as text (2024-07-01, 2024/7/1, 20240701) or stored by Excel as a serial number.</summary>
    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }
}

/// <summary>One sheet of a workbook to write: optional bold title lines, a bold header row (none when empty), then the rows.</summary>
public record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public IReadOnlyList<string> Title { get; init; } = [];
    /// <summary>Keep the title lines and the header row in view while scrolling (Excel's 冻结窗格).</summary>
    public bool FreezeHeader { get; init; }
}

/// <summary>How a numeric cell is shown: as Excel's general format, a whole number with thousands separators (#,##0), one decimal (0.0), or a percentage with one decimal (0.0%, the cell holds the fraction).</summary>
public enum XlsxFormat { General, Integer, OneDecimal, Percent }

/// <summary>A value written as a numeric cell; see <see cref="Xlsx.Number"/>.</summary>
public readonly record struct XlsxNumber(double? Value, XlsxFormat Format = XlsxFormat.General);

/// <summary>A raw row of <see cref="Xlsx.ReadRaw"/>: its Excel row number and cell texts by column.</summary>
public record XlsxRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
}

public record SheetRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string header] => Values.TryGetValue(header, out var v) ? v : "";
}
