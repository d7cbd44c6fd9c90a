using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Excel;

namespace Lianxin.Tests.Platform;

/// <summary>The shared Excel helper: numeric cells, several named sheets, and a named sheet's raw rows.</summary>
public class XlsxSheetsTests
{
    [Fact]
    public void Several_named_sheets_with_numbers_are_written_and_read_back_raw()
    {
        var bytes = Xlsx.Write([
            new XlsxSheet("排名", ["名次", "单位", "总分"], [[Xlsx.Number(1), "和平社区", Xlsx.Number(92.5)], [Xlsx.Number(null), "幸福社区", "0123"]]) { Title = ["2026年第四季度"] },
            new XlsxSheet("设置", [], [["加分总上限", Xlsx.Number(10)]]),
        ]);

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var names = doc.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["排名", "设置"], names);
            var first = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Descendants<Sheet>().First().Id!);
            var cells = first.Worksheet.Descendants<Row>().ElementAt(2).Elements<Cell>().ToList();
            Assert.Equal(CellValues.Number, cells[0].DataType!.Value);
            Assert.Equal("1", cells[0].CellValue!.Text);
            Assert.Equal("92.5", cells[2].CellValue!.Text);
            // Text stays text, even when it looks like a number; an empty number is no cell at all.
            var fourth = first.Worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.EndsWith('4')).ToList();
            Assert.DoesNotContain(fourth, c => c.CellReference!.Value == "A4");
            Assert.Equal(CellValues.InlineString, fourth.Single(c => c.CellReference!.Value == "C4").DataType!.Value);
        }

        var raw = Xlsx.ReadRaw(new MemoryStream(bytes), "排名", "设置", "没有");
        Assert.False(raw.ContainsKey("没有"));
        Assert.Equal(["2026年第四季度"], raw["排名"][0].Cells);
        Assert.Equal(["名次", "单位", "总分"], raw["排名"][1].Cells);
        Assert.Equal(3, raw["排名"][2].Number);
        Assert.Equal(["1", "和平社区", "92.5"], raw["排名"][2].Cells);
        Assert.Equal("", raw["排名"][3][0]);
        Assert.Equal("0123", raw["排名"][3][2]);
        Assert.Equal("", raw["排名"][3][9]);
        Assert.Equal(["加分总上限", "10"], raw["设置"][0].Cells);

        // The one-sheet writer and the header reader are unchanged.
        var one = Xlsx.Read(new MemoryStream(Xlsx.Write("名单", ["姓名", "人数"], [["张三", Xlsx.Number(3)]])));
        Assert.Equal("3", Assert.Single(one)["人数"]);

        Assert.Throws<InvalidDataException>(() => Xlsx.ReadRaw(new MemoryStream("不是表格"u8.ToArray()), "排名"));
    }

    [Fact]
    public void Cells_are_typed_by_value_and_every_sheet_is_frozen_filtered_fitted_and_set_up_for_printing()
    {
        var headers = Enumerable.Range(1, 10).Select(i => $"列{i}").ToList();
        var bytes = Xlsx.Write("名单", headers, [
            [new DateOnly(2015, 7, 1), new DateTime(2026, 3, 5, 14, 30, 0), 0, 2.5m, "", null, "330199199001011234", "和平社区第一网格党支部", Xlsx.Number(0.25, XlsxFormat.Percent), true],
        ]);
        var sheet = ExcelBook.Open(bytes)["名单"];
        sheet.AssertReadsLikeExcel();
        Assert.True(sheet.Landscape && sheet.FitsToWidth); // ten columns
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(new DateTime(2015, 7, 1), row[0]);
        Assert.Equal("yyyy-mm-dd", sheet.Formats[1][0]);
        Assert.Equal(new DateTime(2026, 3, 5, 14, 30, 0), row[1]);
        Assert.Equal(0d, row[2]); // a count of zero is the number 0, not the text "0"
        Assert.Equal(2.5d, row[3]);
        Assert.Null(row[4]); // "" is no cell
        Assert.Null(row[5]);
        Assert.Equal("330199199001011234", row[6]); // text stays text
        Assert.Equal(0.25d, row[8]);
        Assert.Equal("0.0%", sheet.Formats[1][8]);
        // Chinese counts double: 11 characters need 22 widths and more.
        Assert.True(sheet.Widths["H"] >= 22, $"width {sheet.Widths["H"]}");
        Assert.True(sheet.Widths["C"] < 10);

        // Few, narrow columns print portrait; and the app's own reader gives a date cell back as a date.
        var narrow = Xlsx.Write("少", ["日期"], [[new DateOnly(2015, 7, 1)]]);
        Assert.False(ExcelBook.Open(narrow)["少"].Landscape);
        var read = Assert.Single(Xlsx.Read(new MemoryStream(narrow)));
        Assert.Equal("2015-07-01", read["日期"]);
        Assert.Equal(new DateOnly(2015, 7, 1), read.Original("日期"));
    }

    [Fact]
    public void Numbers_Excel_wrote_in_scientific_notation_are_recognised()
    {
        Assert.True(Xlsx.IsScientific("3.30199199001011E+17"));
        Assert.True(Xlsx.IsScientific("1.3811112222e+10"));
        Assert.False(Xlsx.IsScientific("330199199001011234"));
        Assert.False(Xlsx.IsScientific("33019919900101123X"));
        Assert.False(Xlsx.IsScientific(""));
    }
}
