using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

[Collection(AppCollection.Name)]
public class ReviewsPagesTests(LianxinApp app)
{
    Guid DemoRound => app.WithDb(db => db.ReviewRounds.First(r => r.Name == "2026年第一季度党建观摩").Id);

    [Fact]
    public async Task The_demo_round_is_published_and_its_results_page_draws_the_charts()
    {
        var reviewer = await app.PagesAs("reviewer");
        Assert.Contains("2026年第一季度党建观摩", await reviewer.GetStringAsync("/reviews"));
        var html = await reviewer.GetStringAsync($"/reviews/rounds/{DemoRound}/results");
        Assert.Contains("id=\"rankChart\"", html);
        Assert.Contains("echarts.min.js", html);
        Assert.Contains("和平社区", html);
        Assert.DoesNotContain("评委一致性", html); // coordinator only
        Assert.Contains("评委一致性", await (await app.PagesAs("street")).GetStringAsync($"/reviews/rounds/{DemoRound}/results"));
        var print = await reviewer.GetStringAsync($"/reviews/rounds/{DemoRound}/results?print=true");
        Assert.Contains("考评结果", print);
        Assert.DoesNotContain("id=\"rankChart\"", print);

        // The .xlsx export: one row per unit under a header, ranks and totals as numbers.
        var xlsx = await reviewer.GetAsync($"/reviews/rounds/{DemoRound}/results?handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var results = ExcelBook.Open(await xlsx.Content.ReadAsByteArrayAsync())["排名"];
        results.AssertReadsLikeExcel(headerRow: 2);
        Assert.IsType<double>(results.Cell(results.Rows.First(), "总分"));
        Assert.True(results.Landscape);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = book.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
            Assert.Equal(2 + 6, rows.Count);
            Assert.Equal("名次", rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText);
            var top = rows[2].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            Assert.Equal("1", top[0].CellValue!.Text);
            Assert.True(double.Parse(top[2].CellValue!.Text) > 80);
        }

        var secretary = await app.PagesAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reviews/rounds/{DemoRound}/results?handler=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reviews/rounds/{DemoRound}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reviews/rounds/{DemoRound}/results")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_scores_on_the_page_a_bad_value_shows_the_chinese_error_and_submit_locks()
    {
        var street = await app.ApiAs("street");
        var streetId = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
        var reviewerId = app.WithDb(db => db.Users.First(u => u.UserName == "reviewer").Id);
        var rubricId = app.WithDb(db => db.Rubrics.First(r => r.Name == "社区党建季度观摩考评细则").Id);
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = (await (await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = streetId, kind = "Community", branchKind = "None", name = $"页面{tag}社区", shortName = $"页面{tag}社区" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new { ownerUnitId = streetId, name = $"页面评分{tag}", rubricId, units = new[] { new { unitId = unit } }, panel = new[] { new { userId = reviewerId } } });
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/open", new { version = 0 })).StatusCode);
        var sheetId = app.WithDb(db => db.ScoreSheets.First(s => s.RoundId == roundId).Id);

        var pages = await app.PagesAs("reviewer");
        Assert.Contains($"/reviews/sheets/{sheetId}", await pages.GetStringAsync("/reviews/sheets"));
        var url = $"/reviews/sheets/{sheetId}";
        var def = Web.Demo.DemoReviews.QuarterlyRubric();
        Dictionary<string, string> Fields(double a1, bool submit)
        {
            var f = new Dictionary<string, string> { ["Input.Version"] = "0", ["Input.Submit"] = submit ? "true" : "false", ["Input.Comment"] = "阵地规范" };
            for (var i = 0; i < def.Items.Count; i++)
            {
                var item = def.Items[i];
                f[$"Input.Items[{i}].Code"] = item.Code;
                f[$"Input.Items[{i}].Value"] = item.Code == "A1" ? a1.ToString() : item.Type switch { ItemType.Scored => (item.Max - 1).ToString(), _ => "0" };
            }
            return f;
        }
        var bad = await LianxinApp.PostFormAsync(pages, url, Fields(16, false));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("的得分须在 0 到 15 之间。", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId).Version));

        var ok = await LianxinApp.PostFormAsync(pages, url, Fields(14.5, true));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var sheet = app.WithDb(db => db.ScoreSheets.First(s => s.Id == sheetId));
        Assert.Equal(SheetState.Submitted, sheet.State);
        Assert.Equal(14.5, sheet.Entries["A1"].Value);
        var after = await pages.GetStringAsync(url);
        Assert.Contains("已提交", after);
        Assert.DoesNotContain("提交评分", after);

        // A problem seen on site becomes a rectification; without a description nothing is recorded.
        var deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        var noText = await LianxinApp.PostFormAsync(pages, url + "?handler=finding", new() { ["owner"] = "社区书记", ["deadline"] = deadline }, url);
        Assert.Contains("请描述发现的问题。", await noText.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Rectifications.Any(x => x.RoundId == roundId)));
        var found = await LianxinApp.PostFormAsync(pages, url + "?handler=finding", new() { ["itemCode"] = "C1", ["description"] = "党群服务中心周末未开放", ["owner"] = "社区书记", ["deadline"] = deadline }, url);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var rect = app.WithDb(db => db.Rectifications.Single(x => x.RoundId == roundId));
        Assert.Equal("党群服务中心周末未开放", rect.Description);
        Assert.Equal(RectificationState.Open, rect.State);
    }

    [Fact]
    public async Task The_street_exports_a_rubric_to_excel_and_imports_it_as_a_new_rubric()
    {
        var street = await app.PagesAs("street");
        var rubricId = app.WithDb(db => db.Rubrics.First(r => r.Name == "社区党建季度观摩考评细则").Id);
        var xlsx = await street.GetByteArrayAsync($"/reviews/rubrics/{rubricId}?handler=xlsx");
        // The export is the import template: a dropdown of the item types, numbers as numbers, a 说明 sheet.
        var book = ExcelBook.Open(xlsx);
        var items = book["细则"];
        items.AssertReadsLikeExcel();
        Assert.Equal(["评分", "扣分", "加分", "否决"], book.Choices(items, "类型"));
        Assert.IsType<double>(items.Cell(items.Rows.First(), "满分"));
        Assert.Contains(book["说明"].Rows, r => (string?)r[0] == "类型");

        var html = await street.GetStringAsync("/reviews/rubrics");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        async Task<HttpResponseMessage> Upload(byte[] bytes, string fileName)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Quarterly"), "Input.Purpose" },
                { new ByteArrayContent(bytes), "file", fileName },
            };
            return await street.PostAsync("/reviews/rubrics?handler=import", form);
        }
        var bad = await Upload("不是表格"u8.ToArray(), "坏文件.xlsx");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("文件不是有效的 .xlsx 工作簿。", await bad.Content.ReadAsStringAsync());

        var name = $"导入细则{Guid.NewGuid().ToString("N")[..4]}";
        var ok = await Upload(xlsx, name + ".xlsx");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var imported = app.WithDb(db => db.Rubrics.First(r => r.Name == name));
        Assert.False(imported.Frozen);
        Assert.Equal(10, imported.Definition.Items.Count);
        Assert.Equal(3, imported.Definition.Stars.Count);
    }
}
