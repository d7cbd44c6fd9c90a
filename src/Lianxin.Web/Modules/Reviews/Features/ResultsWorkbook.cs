using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>The results of a round as an .xlsx: one row per unit (rank, total, sections, change, comments), what a street files and forwards.</summary>
public static class ResultsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Outcome<byte[]>> HandleAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var outcome = await ReviewResults.GetAsync(db, id, ct);
        if (!outcome.IsOk) return new Outcome<byte[]>(outcome.Kind, null, outcome.Errors, outcome.Message);
        return Write(outcome.Value!);
    }

    public static byte[] Write(RoundResults r)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            part.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = "排名" }));

            data.AppendChild(Row([Text(r.Name)]));
            data.AppendChild(Row([Text("名次"), Text("单位"), Text("总分"), .. r.Sections.Select(s => Text(s.Title)), Text("较上轮"), Text("已提交评分表"), Text("评委点评")]));
            foreach (var u in r.Units)
                data.AppendChild(Row([
                    Number(u.Rank), Text(u.UnitName), Number(u.Total), .. r.Sections.Select(s => Number(u.Sections.GetValueOrDefault(s.Code))),
                    Number(u.ChangePoints), Text($"{u.SheetsSubmitted}/{u.SheetsExpected}"), Text(string.Join("；", u.Comments.Select(c => $"{c.Reviewer}：{c.Comment}"))),
                ]));
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    static Row Row(IEnumerable<Cell> cells) => new(cells);
    static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) };
    static Cell Number(double? v) => v is null ? Text("") : new() { DataType = CellValues.Number, CellValue = new CellValue(v.Value) };
    static Cell Number(int? v) => Number((double?)v);
}
