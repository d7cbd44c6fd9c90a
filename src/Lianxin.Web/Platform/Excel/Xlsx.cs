using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lianxin.Web.Platform.Excel;

/// <summary>
/// The small Excel helper every module shares: write one sheet from rows under Chinese headers, read a
/// sheet's rows by header. Streams (OpenXmlWriter/Reader) so a 100,000-row roster stays cheap.
/// Everything is written as text: ID numbers and phones must not turn into numbers in Excel.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var ws = wb.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(ws))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new Columns());
                for (uint i = 1; i <= headers.Count; i++)
                    w.WriteElement(new Column { Min = i, Max = i, Width = 16, CustomWidth = true });
                w.WriteEndElement();
                w.WriteStartElement(new SheetData());
                WriteRow(w, headers.Cast<object?>().ToList(), bold: true);
                foreach (var row in rows) WriteRow(w, row, bold: false);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    static void WriteRow(OpenXmlWriter w, IReadOnlyList<object?> values, bool bold)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
        {
            var text = v switch
            {
                null => "",
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

    static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

    /// <summary>
    /// The first sheet's rows as header → text, numbered as Excel shows them (row 2 is the first data row).
    /// Empty rows are skipped. Numbers come back as Excel stored them (dates as serials: see <see cref="Date"/>).
    /// </summary>
    public static List<SheetRow> Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("不是有效的 Excel 文件。");
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var first = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Excel 文件没有工作表。");
        var ws = (WorksheetPart)wb.GetPartById(first.Id!);
        var result = new List<SheetRow>();
        string[]? headers = null;
        // SAX all the way down: loading each row as a DOM element costs more than the rest of an import.
        using var reader = OpenXmlReader.Create(ws);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var rowNumber = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
            var cells = new Dictionary<int, string>();
            while (reader.Read() && !(reader.ElementType == typeof(Row) && reader.IsEndElement))
            {
                if (reader.ElementType != typeof(Cell) || !reader.IsStartElement) continue;
                string? reference = null, type = null;
                foreach (var a in reader.Attributes)
                {
                    if (a.LocalName == "r") reference = a.Value;
                    else if (a.LocalName == "t") type = a.Value;
                }
                var text = new System.Text.StringBuilder();
                while (reader.Read() && !(reader.ElementType == typeof(Cell) && reader.IsEndElement))
                    if (reader.IsStartElement && (reader.ElementType == typeof(CellValue) || reader.ElementType == typeof(Text)))
                        text.Append(reader.GetText());
                var value = type == "s" && int.TryParse(text.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) && si < shared.Count ? shared[si] : text.ToString();
                cells[ColumnIndex(reference) ?? cells.Count] = value.Trim();
            }
            if (cells.Values.All(string.IsNullOrEmpty)) continue;
            if (headers is null)
            {
                headers = new string[cells.Keys.Max() + 1];
                foreach (var (i, h) in cells) headers[i] = h;
                continue;
            }
            var values = new Dictionary<string, string>();
            foreach (var (i, v) in cells)
                if (i < headers.Length && !string.IsNullOrEmpty(headers[i])) values[headers[i]] = v;
            result.Add(new SheetRow(int.TryParse(rowNumber, out var n) ? n : result.Count + 2, values));
        }
        return result;
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

public record SheetRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string this[string header] => Values.TryGetValue(header, out var v) ? v : "";
}
