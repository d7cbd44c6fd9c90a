using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lianxin.Web.Platform.Excel;

/// <summary>
/// The one Excel writer and reader every module shares (ADR 0033). Every sheet it writes reads like a workbook made by
/// hand in Excel: a bold header row frozen in view with an autofilter, columns fitted to their content (a Chinese
/// character counts double), the header row repeated on every printed page, A4 (landscape and fitted to the page width
/// when the sheet has more than <see cref="WideColumns"/> columns or is wider than a portrait page), page numbers in the footer. Cells are typed by their
/// .NET value: strings are text (an ID number or a phone never turns into a number), <see cref="DateOnly"/> and
/// <see cref="DateTime"/> are date cells, numeric types are numbers (<see cref="Number"/> picks a display format), null
/// and "" are no cell at all. Import templates add dropdowns, text-formatted columns and a 说明 sheet through
/// <see cref="XlsxField"/>. Rows stream through OpenXmlWriter, so a 100,000-row roster stays cheap.
/// </summary>
public static partial class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A sheet wider than this many columns is printed landscape, fitted to the page width.</summary>
    public const int WideColumns = 8;

    /// <summary>The hidden sheet holding the dropdowns' lists (a list in the validation itself is capped at 255 characters).</summary>
    public const string ChoicesSheet = "下拉选项";

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write([new XlsxSheet(sheetName, headers, rows)]);

    /// <summary>A numeric cell (null: an empty cell), shown in <paramref name="format"/>.</summary>
    public static XlsxNumber Number(double? value, XlsxFormat format = XlsxFormat.General) => new(value, format);

    /// <summary>An import template: the columns' sheet (dropdowns, text columns) and a 说明 sheet explaining each column.</summary>
    public static byte[] Template(string sheetName, IReadOnlyList<XlsxField> fields, params string[] notes) =>
        Write([Sheet(sheetName, fields, []), Notes(fields, notes)]);

    /// <summary>A sheet whose columns are <paramref name="fields"/>: their dropdowns and text formats apply to the rows written and to rows typed later.</summary>
    public static XlsxSheet Sheet(string name, IReadOnlyList<XlsxField> fields, IEnumerable<IReadOnlyList<object?>> rows) =>
        new(name, [.. fields.Select(f => f.Header)], rows)
        {
            TextColumns = fields.Where(f => f.Text).Select(f => f.Header).ToHashSet(),
            Choices = fields.Where(f => f.Choices is { Count: > 0 }).ToDictionary(f => f.Header, f => f.Choices!),
        };

    /// <summary>The 说明 sheet: the general notes, then one row per column (必填, what to write, the allowed values).</summary>
    public static XlsxSheet Notes(IReadOnlyList<XlsxField> fields, params string[] notes)
    {
        var rows = fields.Select(f => (IReadOnlyList<object?>)[f.Header, f.Required ? "是" : "否",
            f.Text ? $"{f.Note}（本列为文本格式，请勿改为数字格式）" : f.Note,
            f.Choices is { Count: > 0 } c ? (c.Count <= 20 ? string.Join("、", c) : $"从下拉列表中选择（共 {c.Count} 项）") : null]);
        return new XlsxSheet("说明", ["列名", "必填", "填写说明", "可选值"], rows) { Title = notes };
    }

    /// <summary>A workbook of several named sheets, in order (plus the hidden <see cref="ChoicesSheet"/> when a sheet has dropdowns).</summary>
    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Stylesheet();
            var list = new Sheets();
            var names = new List<DefinedName>();
            var choices = new XlsxChoices();
            uint id = 1;
            for (var i = 0; i < sheets.Count; i++)
            {
                var ws = wb.AddNewPart<WorksheetPart>();
                foreach (var name in XlsxSheetWriter.Write(ws, sheets[i], choices))
                    names.Add(new DefinedName($"'{sheets[i].Name.Replace("'", "''")}'!{name.Reference}") { Name = name.Name, LocalSheetId = (uint)i, Hidden = name.Hidden ? true : null });
                list.AppendChild(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = sheets[i].Name });
            }
            if (choices.Lists.Count > 0)
            {
                var ws = wb.AddNewPart<WorksheetPart>();
                XlsxSheetWriter.Write(ws, choices.Sheet(), new XlsxChoices());
                list.AppendChild(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id, Name = ChoicesSheet, State = SheetStateValues.Hidden });
            }
            wb.Workbook = new Workbook(list);
            // Excel wants the defined names sorted by name, then by sheet.
            if (names.Count > 0) wb.Workbook.AppendChild(new DefinedNames(names.OrderBy(n => n.Name!.Value, StringComparer.Ordinal).ThenBy(n => n.LocalSheetId!.Value)));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }
}

/// <summary>
/// One sheet of a workbook to write: optional bold title lines, a bold header row (none when empty), then the rows.
/// <see cref="TextColumns"/> (by header) are formatted as text (@), for ID numbers, phones, room numbers typed later;
/// <see cref="Choices"/> (by header) become dropdowns over the column's data rows.
/// </summary>
public record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public IReadOnlyList<string> Title { get; init; } = [];
    public IReadOnlySet<string> TextColumns { get; init; } = new HashSet<string>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>
/// A column of an import template (and of the rejects workbook that goes back to be fixed): its header, what to write in
/// it (the 说明 sheet), whether the import requires it, whether it is text (ID numbers, phones: Excel would turn 18 digits
/// into 3.30199199001011E+17), and its allowed values as a dropdown.
/// </summary>
public record XlsxField(string Header, string Note, bool Required = false)
{
    public bool Text { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
}

/// <summary>How a numeric cell is shown: as Excel's general format, a whole number with thousands separators (#,##0), one decimal (0.0), or a percentage with one decimal (0.0%, the cell holds the fraction).</summary>
public enum XlsxFormat { General, Integer, OneDecimal, Percent }

/// <summary>A value written as a numeric cell; see <see cref="Xlsx.Number"/>.</summary>
public readonly record struct XlsxNumber(double? Value, XlsxFormat Format = XlsxFormat.General);
