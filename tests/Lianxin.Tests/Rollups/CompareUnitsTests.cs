using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Excel;

namespace Lianxin.Tests.Rollups;

[Collection(AppCollection.Name)]
public class CompareUnitsTests(LianxinApp app)
{
    [Fact]
    public async Task A_street_compares_its_communities_with_average_best_benchmark_and_change_against_last_quarter()
    {
        var s = RollupStreet.Create(app);
        var admin = await app.ApiAs("admin");
        var c = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/rollups/compare?parentId={s.Street.Id}&period=2019Q2&benchmarkId={s.West.Id}&codes={DemandIndicators.Received}&codes={DemandIndicators.ResolveRate}&codes={DemandIndicators.Overdue}");

        Assert.Equal("2019年第二季度", c.GetProperty("periodLabel").GetString());
        Assert.Equal("2019年第一季度", c.GetProperty("previousLabel").GetString());
        var units = c.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.Equal(["东社区", "西社区"], units.Keys.Order());
        var east = units["东社区"];
        Assert.Equal([3m, 66.7m, 1m], east.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()));
        // Against 2019Q1 (one demand received, none resolved): +2 received.
        Assert.Equal(2m, east.GetProperty("changes")[0].GetDecimal());
        // West resolved all it received: the best rate, and the fewest overdue (lower is better).
        Assert.Equal(["东社区", "西社区", "西社区"], c.GetProperty("bestUnit").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(-33.3m, east.GetProperty("gapToBest")[1].GetDecimal());
        Assert.Equal(-33.3m, east.GetProperty("gapToBenchmark")[1].GetDecimal());
        Assert.Equal([2m, 83.4m, 0.5m], c.GetProperty("average").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal("西社区", c.GetProperty("benchmark").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_comparison_exports_to_a_workbook_with_the_average_and_best_rows()
    {
        var s = RollupStreet.Create(app);
        var admin = await app.ApiAs("admin");
        var response = await admin.GetAsync($"/api/v1/rollups/compare.xlsx?parentId={s.Street.Id}&period=2019Q2&codes={PledgeIndicators.DoneOnTimeRate}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheet = ExcelBook.Open(bytes)["对标对表"];
        sheet.AssertReadsLikeExcel(headerRow: 2);
        Assert.Equal(50d, sheet.Rows.Single(r => (string?)r[0] == "东社区")[1]);
        var rows = Xlsx.ReadRaw(new MemoryStream(bytes), "对标对表")["对标对表"];
        var cells = rows.Select(r => string.Join("|", r.Cells)).ToList();
        Assert.Contains(cells, r => r.StartsWith("东社区|50|"));
        Assert.Contains(cells, r => r.StartsWith("西社区|100|"));
        Assert.Contains(cells, r => r.StartsWith("平均|75"));
        Assert.Contains(cells, r => r.StartsWith("最优单位|西社区"));
    }

    [Fact]
    public async Task Bad_periods_and_unknown_indicators_are_refused_in_Chinese_and_other_streets_are_not_found()
    {
        var s = RollupStreet.Create(app);
        var admin = await app.ApiAs("admin");
        var badPeriod = await admin.GetAsync($"/api/v1/rollups/compare?parentId={s.Street.Id}&period=2019Q5");
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Contains("统计期格式应为", await badPeriod.Content.ReadAsStringAsync());
        var unknown = await admin.GetAsync($"/api/v1/rollups/compare?parentId={s.Street.Id}&codes=demands.nothing");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("没有这些指标：demands.nothing", await unknown.Content.ReadAsStringAsync());

        // The demo street's staff and a community's secretary do not see the new street.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("street")).GetAsync($"/api/v1/rollups/compare?parentId={s.Street.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary")).GetAsync($"/api/v1/rollups/quarterly/{s.Street.Id}")).StatusCode);
        // A resident has no roll-ups at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/rollups/compare")).StatusCode);
    }

    [Fact]
    public async Task The_quarterly_workbook_has_a_summary_and_a_sheet_per_area_with_the_street_total()
    {
        var s = RollupStreet.Create(app);
        var admin = await app.ApiAs("admin");
        var response = await admin.GetAsync($"/api/v1/rollups/quarterly/{s.Street.Id}?quarter=2019Q2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Formatted for printing: every sheet's title and header repeat on each page; the summary, with its long 口径, prints landscape.
        var book = ExcelBook.Open(bytes);
        book["概览"].AssertReadsLikeExcel(headerRow: 3);
        Assert.True(book["概览"].Landscape && book["概览"].FitsToWidth);
        book["群众诉求"].AssertReadsLikeExcel(headerRow: 2);
        Assert.Equal(4d, book["群众诉求"].Rows.Single(r => (string?)r[0] == "对标测试街道合计")[1]);
        var sheets = Xlsx.ReadRaw(new MemoryStream(bytes), "概览", "群众诉求", "为民办实事");
        Assert.Contains(sheets["概览"], r => string.Join("|", r.Cells).StartsWith("群众诉求|诉求受理件数||4|1|3"));
        var demands = sheets["群众诉求"].Select(r => string.Join("|", r.Cells)).ToList();
        Assert.Contains(demands, r => r.StartsWith("东社区|3|66.7|1|100|6"));
        Assert.Contains(demands, r => r.StartsWith("对标测试街道合计|4|75|1|66.7|10.7"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/rollups/quarterly/{s.Street.Id}?quarter=2019-05")).StatusCode);
    }

    [Fact]
    public async Task A_trend_shows_the_last_twelve_months_ending_with_the_current_one()
    {
        var s = RollupStreet.Create(app);
        app.WithDb(db => { db.Demands.Add(RollupStreet.Arranged(s.East, DemandState.Submitted, DateTime.UtcNow)); return db.SaveChanges(); });
        var trend = await (await app.ApiAs("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/rollups/trend?unitId={s.Street.Id}&code={DemandIndicators.Received}");
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(12, points.Count);
        Assert.Equal(1m, points[^1].GetProperty("value").GetDecimal());
        Assert.Equal(0m, points[^2].GetProperty("value").GetDecimal());
    }
}
