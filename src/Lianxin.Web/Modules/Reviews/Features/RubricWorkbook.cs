using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>
/// A rubric as an .xlsx a street can fill from its Word/Excel 细则: sheet "细则" with one row per item
/// (部分, 部分权重, 编号, 内容, 类型, 满分, 每处扣分, 最低分, 评分说明, 查看内容) and sheet "设置"
/// (加分总上限, 一票否决, 否决封顶分, and one "N星" row per star threshold). Import reads the same layout.
/// </summary>
public static class RubricWorkbook
{
    static readonly string[] Header = ["部分", "部分权重", "编号", "内容", "类型", "满分", "每处扣分", "最低分", "评分说明", "查看内容"];

    static string TypeName(ItemType t) => t switch { ItemType.Scored => "评分", ItemType.Deduction => "扣分", ItemType.Bonus => "加分", _ => "否决" };

    public static byte[] Write(RubricDefinition d)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            var items = new SheetData();
            items.AppendChild(new Row(Header.Select(Text)));
            foreach (var i in d.Items)
            {
                var s = d.Sections.First(x => x.Code == i.Section);
                items.AppendChild(new Row(
                    Text(s.Title), Num(s.Weight), Text(i.Code), Text(i.Title), Text(TypeName(i.Type)), Num(i.Max),
                    Num(i.Type == ItemType.Deduction ? i.PerOccurrence : null), Num(i.Type == ItemType.Deduction ? i.Floor : null), Text(i.Guidance ?? ""), Text(i.Evidence ?? "")));
            }
            var settings = new SheetData(
                new Row(Text("加分总上限"), Num(d.BonusCap)),
                new Row(Text("一票否决"), Text(d.VetoEffect == VetoEffect.Zero ? "总分为零" : "总分封顶")),
                new Row(Text("否决封顶分"), Num(d.VetoCap)));
            foreach (var s in d.Stars.OrderBy(s => s.Level)) settings.AppendChild(new Row(Text($"{s.Level}星"), Num(s.MinScore)));
            Add(book, sheets, items, "细则", 1);
            Add(book, sheets, settings, "设置", 2);
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    static void Add(WorkbookPart book, Sheets sheets, SheetData data, string name, uint id)
    {
        var part = book.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name });
    }

    static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) };
    static Cell Num(double? v) => v is null ? Text("") : new() { DataType = CellValues.Number, CellValue = new CellValue(v.Value) };

    /// <summary>Reads the layout back; a row it cannot read is reported with its row number, in Chinese.</summary>
    public static (RubricDefinition? Definition, List<string> Errors) Read(Stream file)
    {
        var errors = new List<string>();
        SpreadsheetDocument doc;
        try { doc = SpreadsheetDocument.Open(file, false); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException) { return (null, ["文件不是有效的 .xlsx 工作簿。"]); }
        using (doc)
        {
            var book = doc.WorkbookPart!;
            var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            List<List<string>> Rows(string name)
            {
                var sheet = book.Workbook.Descendants<Sheet>().FirstOrDefault(s => s.Name == name);
                if (sheet is null) return [];
                var part = (WorksheetPart)book.GetPartById(sheet.Id!);
                return part.Worksheet.Descendants<Row>().Select(r => Cells(r, shared)).ToList();
            }
            var rows = Rows("细则");
            if (rows.Count < 2) return (null, ["找不到“细则”工作表或其中没有评分项。"]);
            var sections = new List<RubricSection>();
            var items = new List<RubricItem>();
            for (var n = 1; n < rows.Count; n++)
            {
                var c = rows[n];
                string At(int i) => i < c.Count ? c[i].Trim() : "";
                if (c.All(string.IsNullOrWhiteSpace)) continue;
                var line = n + 1;
                var sectionTitle = At(0);
                if (sectionTitle == "") { errors.Add($"第 {line} 行：缺少“部分”。"); continue; }
                var section = sections.FirstOrDefault(s => s.Title == sectionTitle);
                if (section is null)
                {
                    section = new RubricSection { Code = $"S{sections.Count + 1}", Title = sectionTitle, Weight = Parse(At(1)) ?? 1 };
                    sections.Add(section);
                }
                ItemType? type = At(4) switch { "评分" or "" => ItemType.Scored, "扣分" => ItemType.Deduction, "加分" => ItemType.Bonus, "否决" => ItemType.Veto, _ => null };
                if (type is null) { errors.Add($"第 {line} 行：类型须为“评分”“扣分”“加分”或“否决”。"); continue; }
                var max = Parse(At(5));
                if (max is null && type != ItemType.Veto) { errors.Add($"第 {line} 行：满分须为数字。"); continue; }
                items.Add(new RubricItem
                {
                    Code = At(2) == "" ? $"{section.Code}-{items.Count + 1}" : At(2), Section = section.Code, Title = At(3), Type = type.Value, Max = max ?? 0,
                    PerOccurrence = Parse(At(6)) ?? 0, Floor = Parse(At(7)) ?? 0, Guidance = At(8) == "" ? null : At(8), Evidence = At(9) == "" ? null : At(9),
                });
            }
            var settings = Rows("设置").Where(r => r.Count >= 2).ToDictionary(r => r[0].Trim(), r => r[1].Trim());
            var stars = settings.Where(s => s.Key.EndsWith('星') && int.TryParse(s.Key[..^1], out _))
                .Select(s => new StarThreshold(int.Parse(s.Key[..^1]), Parse(s.Value) ?? 0)).ToList();
            var def = new RubricDefinition
            {
                Sections = sections, Items = items,
                BonusCap = Parse(settings.GetValueOrDefault("加分总上限")) ?? 0,
                VetoEffect = settings.GetValueOrDefault("一票否决") == "总分封顶" ? VetoEffect.Cap : VetoEffect.Zero,
                VetoCap = Parse(settings.GetValueOrDefault("否决封顶分")) ?? 0,
                Stars = stars,
            };
            return (errors.Count == 0 ? def : null, errors);
        }
    }

    static double? Parse(string? s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Cell texts in column order (gaps filled), shared strings resolved.</summary>
    static List<string> Cells(Row row, List<string> shared)
    {
        var result = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } r ? Column(r) : result.Count;
            while (result.Count < index) result.Add("");
            var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var si) ? shared.ElementAtOrDefault(si) ?? ""
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                : cell.CellValue?.Text ?? "";
            result.Add(text);
        }
        return result;
    }

    static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
