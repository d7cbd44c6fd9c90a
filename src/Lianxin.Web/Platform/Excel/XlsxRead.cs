using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lianxin.Web.Platform.Excel;

public static partial class Xlsx
{
    /// <summary>
    /// The first sheet's rows as header → text, numbered as Excel shows them (row 2 is the first data row). Empty rows are
    /// skipped. A cell Excel shows as a date reads as 2024-07-01; a number as Excel stored it (an undated serial stays a
    /// serial: see <see cref="Date"/>). <see cref="SheetRow.Typed"/> keeps the numbers and dates as values, so that a
    /// rejected row can be written back as the user typed it.
    /// </summary>
    public static List<SheetRow> Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("不是有效的 Excel 文件。");
        var book = new BookInfo(SharedStrings(wb), DateStyles(wb));
        var first = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Excel 文件没有工作表。");
        var result = new List<SheetRow>();
        string[]? headers = null;
        foreach (var (number, row, typed) in Rows((WorksheetPart)wb.GetPartById(first.Id!), book))
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
            Dictionary<string, object>? kept = null;
            if (typed is not null)
                foreach (var (i, v) in typed)
                    if (i < headers.Length && !string.IsNullOrEmpty(headers[i])) (kept ??= [])[headers[i]] = v;
            result.Add(new SheetRow(number ?? result.Count + 2, values) { Typed = kept });
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
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException or IOException) { throw new InvalidDataException("不是有效的 Excel 文件。", e); }
        using (doc)
        {
            var wb = doc.WorkbookPart ?? throw new InvalidDataException("不是有效的 Excel 文件。");
            var book = new BookInfo(SharedStrings(wb), DateStyles(wb));
            var result = new Dictionary<string, List<XlsxRow>>();
            foreach (var name in sheetNames)
            {
                var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name == name);
                if (sheet is null) continue;
                result[name] = Rows((WorksheetPart)wb.GetPartById(sheet.Id!), book)
                    .Select((r, n) => new XlsxRow(r.Number ?? n + 1, Enumerable.Range(0, r.Cells.Keys.Max() + 1).Select(i => r.Cells.GetValueOrDefault(i, "")).ToList()))
                    .ToList();
            }
            return result;
        }
    }

    /// <summary>A date typed as text (2024-07-01, 2024/7/1, 20240701) or stored by Excel as a serial number.</summary>
    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    /// <summary>
    /// Whether a cell of an ID-number or phone column came in as a number Excel has put in scientific notation
    /// (3.30199199001011E+17): the column was not formatted as text, and the last digits are already lost.
    /// </summary>
    public static bool IsScientific(string? text) =>
        text is { Length: > 0 } && text.Contains('E', StringComparison.OrdinalIgnoreCase)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    sealed record BookInfo(List<string> Shared, HashSet<uint> DateStyles);

    static List<string> SharedStrings(WorkbookPart wb) =>
        wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

    /// <summary>The cell formats (indexes into cellXfs) whose number format shows a date or a time.</summary>
    static HashSet<uint> DateStyles(WorkbookPart wb)
    {
        var sheet = wb.WorkbookStylesPart?.Stylesheet;
        var custom = sheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && f.FormatCode?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var result = new HashSet<uint>();
        uint index = 0;
        foreach (var xf in sheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            if (custom.TryGetValue(id, out var code) ? IsDateFormat(code) : id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
                result.Add(index);
            index++;
        }
        return result;
    }

    /// <summary>A format code with a y, m, d, h or s outside quotes, escapes and [colour] sections is a date or a time.</summary>
    static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (ch == '\\') i++;
            else if (ch == '[') bracket = true;
            else if (ch == ']') bracket = false;
            else if (!bracket && "ymdhsYMDHS".Contains(ch)) return true;
        }
        return false;
    }

    /// <summary>
    /// The non-empty rows of a sheet: Excel row number, trimmed cell texts by column index (shared strings resolved, dates as
    /// yyyy-MM-dd), and the numeric cells as values (double, or DateOnly/DateTime for a cell shown as a date).
    /// </summary>
    static List<(int? Number, Dictionary<int, string> Cells, Dictionary<int, object>? Typed)> Rows(WorksheetPart ws, BookInfo book)
    {
        var rows = new List<(int?, Dictionary<int, string>, Dictionary<int, object>?)>();
        // A plain XmlReader over the sheet: the SDK's element readers cost more than the rest of an import.
        using var part = ws.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(part, new System.Xml.XmlReaderSettings { IgnoreWhitespace = false, IgnoreComments = true });
        Dictionary<int, string>? cells = null;
        Dictionary<int, object>? typed = null;
        string? rowNumber = null, reference = null, type = null, style = null;
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
                            typed = null;
                            if (xml.IsEmptyElement) { Finish(); }
                            break;
                        case "c" when cells is not null:
                            reference = xml.GetAttribute("r");
                            type = xml.GetAttribute("t");
                            style = xml.GetAttribute("s");
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
            var column = ColumnIndex(reference) ?? cells!.Count;
            var value = type == "s" && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) && si < book.Shared.Count ? book.Shared[si] : raw;
            if (type is null or "n" && raw != "" && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                object kept = number;
                if (uint.TryParse(style, out var s) && book.DateStyles.Contains(s) && number is > -657435 and < 2958466)
                {
                    var at = DateTime.FromOADate(number);
                    kept = at.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(at) : at;
                    value = at.TimeOfDay == TimeSpan.Zero ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                }
                (typed ??= [])[column] = kept;
            }
            cells![column] = value.Trim();
            text = null;
        }

        void Finish()
        {
            var row = cells!;
            cells = null;
            if (row.Count == 0 || row.Values.All(string.IsNullOrEmpty)) return;
            rows.Add((int.TryParse(rowNumber, out var n) ? n : null, row, typed));
        }
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

/// <summary>A raw row of <see cref="Xlsx.ReadRaw"/>: its Excel row number and cell texts by column.</summary>
public record XlsxRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
}

/// <summary>A row of <see cref="Xlsx.Read"/>: texts by header, and the numeric and date cells as values (<see cref="Typed"/>, null when none).</summary>
public record SheetRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public IReadOnlyDictionary<string, object>? Typed { get; init; }

    public string this[string header] => Values.TryGetValue(header, out var v) ? v : "";

    /// <summary>The cell as the user typed it: a date, a number or the text (null when empty), to write back unchanged.</summary>
    public object? Original(string header) => Typed?.GetValueOrDefault(header) ?? (Values.TryGetValue(header, out var v) && v != "" ? v : null);
}
