using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
            // Text stays text, even when it looks like a number.
            var second = first.Worksheet.Descendants<Row>().ElementAt(3).Elements<Cell>().ToList();
            Assert.Equal(CellValues.InlineString, second[2].DataType!.Value);
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
}
