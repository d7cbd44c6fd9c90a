using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.CoBuilding;

/// <summary>共建数据: the co-building indicators per community of a street, their totals, and the workbook.</summary>
[Collection(AppCollection.Name)]
public class CoBuildingFiguresTests(LianxinApp app)
{
    static readonly DateOnly Q2From = new(2019, 4, 1), Q2To = new(2019, 6, 30);

    /// <summary>
    /// A fresh street with two communities, as of 2019-06-30: east has 3 partner units (one joined after the period), a seat, and one alliance of
    /// 3 members (one left in May); west has 1 unit and an alliance of 2; the street's 大工委 met once in the quarter.
    /// </summary>
    (OrgUnit Street, OrgUnit East, OrgUnit West) Arrange() => app.WithDb(db =>
    {
        var district = db.OrgUnits.Single(u => u.Kind == OrgKind.District);
        var street = db.Unit(district, OrgKind.Street, "共建数据街道");
        var east = db.Unit(street, OrgKind.Community, "共建东社区");
        var west = db.Unit(street, OrgKind.Community, "共建西社区");
        var t = street.TenantId;
        var early = new DateTime(2019, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        PartnerUnit P(OrgUnit at, DateTime created) { var p = db.PartnerUnit(at, "数据单位"); p.CreatedAt = created; return p; }
        var (e1, e2, e3, w1) = (P(east, early), P(east, early), P(east, new DateTime(2019, 7, 2, 0, 0, 0, DateTimeKind.Utc)), P(west, early));
        db.CommitteeSeats.Add(new CommitteeSeat { TenantId = t, CommitteeUnitId = east.Id, OrgPath = east.Path, PartnerUnitId = e1.Id, PersonName = "委员", Post = "兼职委员", TermFrom = new(2019, 1, 1) });
        Alliance A(OrgUnit at) => new() { TenantId = t, OrgUnitId = at.Id, OrgPath = at.Path, Name = "数据联盟", Theme = "主题", FoundedOn = new(2019, 3, 1), CreatedAt = early };
        var (ea, wa) = (A(east), A(west));
        db.Alliances.AddRange(ea, wa);
        AllianceMember M(Alliance a, PartnerUnit p, DateOnly? left = null) => new() { TenantId = t, AllianceId = a.Id, OrgPath = a.OrgPath, PartnerUnitId = p.Id, JoinedOn = new(2019, 3, 1), LeftOn = left };
        db.AllianceMembers.AddRange(M(ea, e1), M(ea, e2), M(ea, w1, new(2019, 5, 1)), M(wa, w1), M(wa, e2));
        db.CommitteeMeetings.Add(new CommitteeMeeting { TenantId = t, CommitteeUnitId = street.Id, OrgPath = street.Path, HeldOn = new(2019, 5, 20), Place = "街道", Agenda = "例会", CreatedAt = early });
        db.SaveChanges();
        return (street, east, west);
    });

    [Fact]
    public void The_indicators_count_units_seats_alliances_and_meetings_and_the_average_size_adds_up_as_a_ratio_of_sums()
    {
        var (street, east, west) = Arrange();
        var v = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().ReadAsync(
            [CoBuildingIndicators.PartnerUnits, CoBuildingIndicators.Seats, CoBuildingIndicators.Alliances, CoBuildingIndicators.AllianceMembers,
             CoBuildingIndicators.AllianceSize, CoBuildingIndicators.Meetings], [east.Path, west.Path, street.Path], Q2From, Q2To, default).GetAwaiter().GetResult());

        Assert.Equal(2, v[(CoBuildingIndicators.PartnerUnits, east.Path)].Value);
        Assert.Equal(3, v[(CoBuildingIndicators.PartnerUnits, street.Path)].Value);
        Assert.Equal(1, v[(CoBuildingIndicators.Seats, street.Path)].Value);
        Assert.Equal(2, v[(CoBuildingIndicators.AllianceMembers, east.Path)].Value);
        Assert.Equal(new IndicatorValue(2, 1), v[(CoBuildingIndicators.AllianceSize, east.Path)]);
        Assert.Equal(new IndicatorValue(4, 2), v[(CoBuildingIndicators.AllianceSize, street.Path)]);
        Assert.Equal(2, v[(CoBuildingIndicators.Alliances, street.Path)].Value);
        Assert.Equal(1, v[(CoBuildingIndicators.Meetings, street.Path)].Value);
        Assert.Equal(0, v[(CoBuildingIndicators.Meetings, east.Path)].Value);
    }

    [Fact]
    public async Task The_street_sees_its_communities_side_by_side_on_every_cobuilding_indicator_and_exports_them()
    {
        var (street, east, west) = Arrange();
        var api = await app.ApiAs("admin");
        var table = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/figures?unitId={street.Id}&period=2019Q2");
        var codes = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        var catalog = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().All.Where(i => i.Code.StartsWith("cobuilding.")).Select(i => i.Code).ToList());
        Assert.Equal(catalog, codes);
        Assert.Equal(["共建东社区", "共建西社区"], table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var size = codes.IndexOf(CoBuildingIndicators.AllianceSize);
        Assert.Equal(2m, table.GetProperty("total").GetProperty("values")[size].GetDecimal());

        var xlsx = await api.GetAsync($"/api/v1/cobuilding/figures.xlsx?unitId={street.Id}&period=2019Q2");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var rows = Xlsx.ReadRaw(new MemoryStream(bytes), "共建数据")["共建数据"];
        Assert.Equal("共建数据街道 共建数据 · 2019年第二季度", rows[0][0]);
        Assert.Equal("单位", rows[1][0]);
        Assert.Equal("共建单位数", rows[1][1 + codes.IndexOf(CoBuildingIndicators.PartnerUnits)]);
        Assert.Equal(["共建东社区", "共建西社区", "合计"], rows.Skip(2).Select(r => r[0]));
        Assert.Equal("2", rows[2][1 + codes.IndexOf(CoBuildingIndicators.PartnerUnits)]);
        Assert.Equal("3", rows[4][1 + codes.IndexOf(CoBuildingIndicators.PartnerUnits)]);

        ExcelBook.Open(bytes)["共建数据"].AssertReadsLikeExcel(headerRow: 2);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("A3", PaneStateValues.Frozen, 2d), (pane.TopLeftCell!.Value, pane.State!.Value, pane.VerticalSplit!.Value));
        // Counts read as numbers with thousands separators (built-in format 3), the total row too.
        var cells = sheet.Descendants<Row>().ElementAt(4).Elements<Cell>().ToList();
        var styles = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal(CellValues.Number, cells[1 + codes.IndexOf(CoBuildingIndicators.PartnerUnits)].DataType!.Value);
        Assert.Equal(3u, styles[(int)cells[1 + codes.IndexOf(CoBuildingIndicators.PartnerUnits)].StyleIndex!.Value].NumberFormatId!.Value);
    }

    [Fact]
    public async Task Out_of_scope_is_404_and_a_bad_period_is_400()
    {
        var (street, east, _) = Arrange();
        var secretary = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/cobuilding/figures?unitId={street.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/cobuilding/figures.xlsx?unitId={east.Id}")).StatusCode);
        var bad = await (await app.ApiAs("admin")).GetAsync($"/api/v1/cobuilding/figures?unitId={street.Id}&period=2019Q5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("统计期格式应为", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/cobuilding/figures")).StatusCode);
    }

    [Fact]
    public async Task The_community_page_shows_its_own_figures_and_the_export_link()
    {
        var html = await (await app.PagesAs("secretary")).GetStringAsync("/cobuilding/figures?period=2026");
        Assert.Contains("共建数据", html);
        Assert.Contains("联盟平均规模", html);
        Assert.Contains("/api/v1/cobuilding/figures.xlsx?unitId=", html);
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAs("secretary")).GetAsync("/cobuilding/figures?period=abc")).StatusCode);
    }
}
