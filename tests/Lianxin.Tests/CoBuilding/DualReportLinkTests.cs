using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Migrations;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.CoBuilding;

/// <summary>A unit's 双报到 (Members) names its partner-unit record (CoBuilding's PartnerUnitDirectory), not free text.</summary>
[Collection(AppCollection.Name)]
public class DualReportLinkTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == shortName));

    [Fact]
    public async Task A_unit_reports_through_its_partner_unit_record_stationed_in_the_community_or_its_street()
    {
        var heping = Unit("和平社区党委");
        var (here, atStreet, elsewhere) = app.WithDb(db => (db.PartnerUnit(heping, "报到单位"), db.PartnerUnit(Unit("东湖街道党工委"), "街道驻区单位"),
            db.PartnerUnit(Unit("幸福社区党委"), "邻社区单位")));
        var api = await app.ApiAs("secretary");
        var before = app.WithDb(db => db.DualReports.Count());

        var missing = await api.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = heping.Id, liaison = "联络人" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var unknown = await api.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = heping.Id, partnerUnitId = Guid.NewGuid(), liaison = "联络人" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("请选择驻在本社区或所属街道的共建单位。", await unknown.Content.ReadAsStringAsync());
        var neighbour = await api.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = heping.Id, partnerUnitId = elsewhere.Id, liaison = "联络人" });
        Assert.Equal(HttpStatusCode.BadRequest, neighbour.StatusCode);
        Assert.Equal(before, app.WithDb(db => db.DualReports.Count()));

        var ok = await api.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = heping.Id, partnerUnitId = here.Id, liaison = "联络人", liaisonPhone = "13800001111" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var dto = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(here.Name, dto.GetProperty("name").GetString());
        Assert.Equal(here.Id, dto.GetProperty("partnerUnitId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = heping.Id, partnerUnitId = here.Id, liaison = "联络人" })).StatusCode);
        // A unit stationed at the street serves its communities.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = heping.Id, partnerUnitId = atStreet.Id, liaison = "联络人" })).StatusCode);
    }

    [Fact]
    public async Task The_dual_page_links_a_linked_unit_and_marks_free_text_as_unlinked()
    {
        var html = await (await app.PagesAs("secretary")).GetStringAsync($"/members/dual?CommunityId={Unit("和平社区党委").Id}");
        var linked = app.WithDb(db => db.DualReports.First(r => r.Kind == ReporterKind.Unit && r.PartnerUnitId != null));
        Assert.Contains($"/cobuilding/units/{linked.PartnerUnitId}", html);
        // The demo's 青禾区人民医院党委 was reported as free text and matches no partner unit's name.
        Assert.Contains("青禾区人民医院党委", html);
        Assert.Contains("未关联", html);
        Assert.Contains("name=\"Unit.PartnerUnitId\"", html);
    }

    [Fact]
    public async Task Migration_0033_links_free_text_names_that_match_exactly_one_partner_unit()
    {
        var cs = TestDatabase.Create();
        var provider = TestDatabase.IsPostgres ? "Postgres" : "Sqlite";
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(cs); else b.UseSqlite(cs);
        await using var db = new LianxinDb(b.Options, new OrgScope(), new ModuleCatalog(Program.Modules));
        await db.Database.OpenConnectionAsync();
        var conn = db.Database.GetDbConnection();

        // Everything before 0033, then free-text unit reports, then 0033 itself (later migrations marked done).
        await Exec($"CREATE TABLE {MigrationRunner.HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
        foreach (var later in MigrationRunner.Available(provider).Where(n => string.CompareOrdinal(n, "0033") >= 0))
            await Exec($"INSERT INTO {MigrationRunner.HistoryTable} (id, applied_at) VALUES ('{later}', 'x')");
        await MigrationRunner.ApplyAsync(conn, provider);
        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        var once = await Partner(tenant, "青禾区税务局东湖税务所");
        await Partner(tenant, "和平路社工服务站");
        await Partner(tenant, "和平路社工服务站");
        await Partner(other, "别区的单位");
        var (matched, twice, none, member, otherTenant) =
            (await Report(tenant, "Unit", " 青禾区税务局东湖税务所 "), await Report(tenant, "Unit", "和平路社工服务站"), await Report(tenant, "Unit", "某某公司"),
             await Report(tenant, "Member", "青禾区税务局东湖税务所"), await Report(tenant, "Unit", "别区的单位"));
        await Exec($"DELETE FROM {MigrationRunner.HistoryTable} WHERE id LIKE '0033%'");
        Assert.Equal(["0033_cobuilding_alliances_meetings"], await MigrationRunner.ApplyAsync(conn, provider));

        var links = await db.DualReports.IgnoreQueryFilters().AsNoTracking().Select(r => new { r.Id, r.PartnerUnitId }).ToDictionaryAsync(r => r.Id, r => r.PartnerUnitId);
        Assert.Equal(once, links[matched]);
        Assert.Null(links[twice]);
        Assert.Null(links[none]);
        Assert.Null(links[member]);
        Assert.Null(links[otherTenant]);

        async Task<Guid> Partner(Guid t, string name)
        {
            var id = Guid.CreateVersion7();
            await Exec($"""
                INSERT INTO "cob_partner_units" ("Id", "StationedUnitId", "OrgPath", "Name", "Kind", "Address", "PartyMemberCount", "ContactName", "ContactPhone", "CreatedAt", "Version", "TenantId")
                VALUES ({G(id)}, {G(Guid.NewGuid())}, '/a/b/', '{name}', 'Agency', '路', 0, '联系人', '13800000000', {At}, 0, {G(t)})
                """);
            return id;
        }

        async Task<Guid> Report(Guid t, string kind, string name)
        {
            var id = Guid.CreateVersion7();
            await Exec($"""
                INSERT INTO "mem_dual_reports" ("Id", "Kind", "Name", "CommunityId", "OrgPath", "ReportedOn", "Status", "Version", "TenantId")
                VALUES ({G(id)}, '{kind}', '{name}', {G(Guid.NewGuid())}, '/a/b/', '2025-06-01', 'Reported', 0, {G(t)})
                """);
            return id;
        }

        async Task Exec(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    // Literals as each provider stores them (EF keeps SQLite Guids as upper-case text).
    static string G(Guid g) => TestDatabase.IsPostgres ? $"'{g}'" : $"'{g.ToString().ToUpperInvariant()}'";
    static string At => TestDatabase.IsPostgres ? "'2025-01-01T00:00:00Z'" : "'2025-01-01 00:00:00'";
}
