using System.IO.Packaging;
using System.Text;
using System.Xml.Linq;
using ExcelDataReader;

namespace Lianxin.Tests.Support;

/// <summary>
/// A downloaded workbook as Excel would see it, read WITHOUT the app's writer or reader (ADR 0033): cell values and their
/// number formats through ExcelDataReader (a date-formatted numeric cell comes back as a DateTime, a number as a double,
/// text as a string, an absent cell as null), and what ExcelDataReader does not expose (frozen panes, autofilter, print
/// titles, page setup, dropdowns, column formats and widths, bold headers) from the package's XML parts.
/// </summary>
public sealed class ExcelBook
{
    static ExcelBook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // ExcelDataReader needs the code pages

    static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public List<ExcelSheet> Sheets { get; } = [];

    public ExcelSheet this[string name] => Sheets.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"no sheet “{name}” in [{string.Join(", ", Sheets.Select(s => s.Name))}]");

    /// <summary>The values a column's dropdown offers, read from the range its validation names.</summary>
    public IReadOnlyList<string> Choices(ExcelSheet sheet, string header)
    {
        Assert.True(sheet.Dropdowns.TryGetValue(sheet.Letter(header), out var formula), $"{sheet.Name}: no dropdown on {header}");
        var m = System.Text.RegularExpressions.Regex.Match(formula, @"^'(?<sheet>[^']+)'!\$(?<col>[A-Z]+)\$(?<from>\d+):\$[A-Z]+\$(?<to>\d+)$");
        Assert.True(m.Success, $"unexpected list formula {formula}");
        var list = this[m.Groups["sheet"].Value];
        var column = m.Groups["col"].Value.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
        return [.. Enumerable.Range(int.Parse(m.Groups["from"].Value) - 1, int.Parse(m.Groups["to"].Value) - int.Parse(m.Groups["from"].Value) + 1)
            .Select(r => list.Values[r][column]?.ToString() ?? "")];
    }

    public static ExcelBook Open(byte[] bytes)
    {
        var book = new ExcelBook();
        using (var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes)))
            do
            {
                var sheet = new ExcelSheet { Name = reader.Name, Hidden = reader.VisibleState != "visible" };
                while (reader.Read())
                {
                    while (sheet.Values.Count < reader.Depth) { sheet.Values.Add([]); sheet.Formats.Add([]); }
                    sheet.Values.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
                    sheet.Formats.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetNumberFormatString)]);
                }
                book.Sheets.Add(sheet);
            } while (reader.NextResult());

        using var package = Package.Open(new MemoryStream(bytes), FileMode.Open, FileAccess.Read);
        var workbookPart = package.GetPart(new Uri("/xl/workbook.xml", UriKind.Relative));
        var workbook = Load(workbookPart);
        var styles = Load(package.GetPart(Target(package, workbookPart, "styles")));
        var names = workbook.Descendants(S + "definedName").ToList();
        var sheets = workbook.Descendants(S + "sheet").ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = book.Sheets[i];
            var xml = Load(package.GetPart(PackUriHelper.ResolvePartUri(workbookPart.Uri,
                workbookPart.GetRelationship((string)sheets[i].Attribute(R + "id")!).TargetUri)));
            var pane = xml.Descendants(S + "pane").FirstOrDefault();
            sheet.FrozenRows = pane is not null && (string?)pane.Attribute("state") == "frozen" ? (int)(double?)pane.Attribute("ySplit") ! : 0;
            sheet.AutoFilter = (string?)xml.Descendants(S + "autoFilter").FirstOrDefault()?.Attribute("ref");
            sheet.PrintTitles = names.FirstOrDefault(n => (string?)n.Attribute("name") == "_xlnm.Print_Titles" && (int?)n.Attribute("localSheetId") == i)?.Value;
            var setup = xml.Descendants(S + "pageSetup").FirstOrDefault();
            sheet.PaperSize = (int?)setup?.Attribute("paperSize");
            sheet.Landscape = (string?)setup?.Attribute("orientation") == "landscape";
            sheet.FitsToWidth = (bool?)xml.Descendants(S + "pageSetUpPr").FirstOrDefault()?.Attribute("fitToPage") == true && (int?)setup?.Attribute("fitToWidth") == 1;
            sheet.Dropdowns = xml.Descendants(S + "dataValidation").Where(v => (string?)v.Attribute("type") == "list")
                .ToDictionary(v => ((string)v.Attribute("sqref")!).Split(':')[0].TrimEnd("0123456789".ToCharArray()), v => v.Element(S + "formula1")!.Value);
            var xfs = styles.Element(S + "cellXfs")!.Elements(S + "xf").ToList();
            var fonts = styles.Element(S + "fonts")!.Elements(S + "font").ToList();
            foreach (var col in xml.Descendants(S + "col"))
            {
                var letter = Letter((int)col.Attribute("min")!);
                sheet.Widths[letter] = (double)col.Attribute("width")!;
                if ((int?)col.Attribute("style") is { } style && (int?)xfs[style].Attribute("numFmtId") == 49) sheet.TextColumns.Add(letter);
            }
            if (sheet.FrozenRows > 0)
                sheet.BoldHeader = xml.Descendants(S + "row").Single(r => (int)r.Attribute("r")! == sheet.FrozenRows).Elements(S + "c")
                    .All(c => fonts[(int?)xfs[(int?)c.Attribute("s") ?? 0].Attribute("fontId") ?? 0].Element(S + "b") is not null);
        }
        return book;
    }

    static XElement Load(PackagePart part) { using var s = part.GetStream(); return XDocument.Load(s).Root!; }

    static Uri Target(Package package, PackagePart from, string kind) =>
        PackUriHelper.ResolvePartUri(from.Uri, from.GetRelationships().Single(r => r.RelationshipType.EndsWith("/" + kind)).TargetUri);

    public static string Letter(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}

/// <summary>One sheet of <see cref="ExcelBook"/>: values and number formats by 0-based row and column, and its layout.</summary>
public sealed class ExcelSheet
{
    public string Name { get; init; } = "";
    public bool Hidden { get; init; }
    public List<object?[]> Values { get; } = [];
    public List<string?[]> Formats { get; } = [];
    public int FrozenRows { get; set; }
    public string? AutoFilter { get; set; }
    public string? PrintTitles { get; set; }
    public int? PaperSize { get; set; }
    public bool Landscape { get; set; }
    public bool FitsToWidth { get; set; }
    public bool BoldHeader { get; set; }
    /// <summary>Dropdowns by column letter → the list's formula (a range on the hidden lists sheet).</summary>
    public Dictionary<string, string> Dropdowns { get; set; } = [];
    public HashSet<string> TextColumns { get; } = [];
    public Dictionary<string, double> Widths { get; } = [];

    /// <summary>The header row is the last frozen row; its texts by column.</summary>
    public IReadOnlyList<string?> Headers => [.. Values[FrozenRows - 1].Select(v => v as string)];

    public int Column(string header) => Headers.ToList().IndexOf(header) is >= 0 and var i ? i : throw new Xunit.Sdk.XunitException($"no column “{header}” in {Name}");

    public string Letter(string header) => ExcelBook.Letter(Column(header) + 1);

    /// <summary>The data rows under the header.</summary>
    public IEnumerable<object?[]> Rows => Values.Skip(FrozenRows);

    public object? Cell(object?[] row, string header) => Column(header) < row.Length ? row[Column(header)] : null;

    public string? Format(int rowIndex, string header) => Column(header) < Formats[rowIndex].Length ? Formats[rowIndex][Column(header)] : null;

    /// <summary>What every export's sheet has: a bold frozen header row with an autofilter over it, printed on every page, on A4.</summary>
    public void AssertReadsLikeExcel(int headerRow = 1)
    {
        Assert.Equal(headerRow, FrozenRows);
        Assert.True(BoldHeader, $"{Name}: header row not bold");
        Assert.NotNull(AutoFilter);
        Assert.StartsWith($"A{headerRow}:", AutoFilter);
        Assert.Equal($"'{Name}'!$1:${headerRow}", PrintTitles);
        Assert.Equal(9, PaperSize);
        if (Headers.Count > 8) Assert.True(Landscape && FitsToWidth, $"{Name}: {Headers.Count} columns but not landscape fitted to the page width");
    }
}
