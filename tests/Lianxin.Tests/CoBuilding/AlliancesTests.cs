using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Audit;

namespace Lianxin.Tests.CoBuilding;

[Collection(AppCollection.Name)]
public class AlliancesTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == shortName));
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    async Task<(Guid Alliance, PartnerUnit Lead, PartnerUnit Other)> FoundAsync(HttpClient api, OrgUnit heping)
    {
        var (lead, other) = app.WithDb(db => (db.PartnerUnit(heping, "联盟牵头商会", kind: PartnerKind.SocialOrganization), db.PartnerUnit(heping, "联盟成员商户", kind: PartnerKind.PartyMerchant)));
        var created = await api.PostAsJsonAsync("/api/v1/cobuilding/alliances", new
        {
            orgUnitId = heping.Id, name = "测试商圈党建联盟", theme = "共创文明商街", foundedOn = "2026-04-01", leadPartnerUnitId = lead.Id,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await Json(created)).GetProperty("id").GetGuid(), lead, other);
    }

    [Fact]
    public async Task A_unit_joins_once_at_a_time_leaves_on_a_day_and_may_join_again_and_every_change_is_audited()
    {
        var heping = Unit("和平社区党委");
        var api = await app.ApiAs("secretary");
        var (id, lead, other) = await FoundAsync(api, heping);
        var members = $"/api/v1/cobuilding/alliances/{id}/members";

        var joined = await api.PostAsJsonAsync(members, new { partnerUnitId = other.Id, joinedOn = "2026-04-10" });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var memberId = (await Json(joined)).GetProperty("id").GetGuid();
        var twice = await api.PostAsJsonAsync(members, new { partnerUnitId = other.Id, joinedOn = "2026-05-01" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("该单位已是联盟成员，不能重复加入。", await twice.Content.ReadAsStringAsync());

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/alliances/{id}");
        Assert.Equal(2, detail.GetProperty("members").GetArrayLength());
        Assert.Equal(lead.Name, detail.GetProperty("leadName").GetString());

        var early = await api.PostAsJsonAsync($"/api/v1/cobuilding/alliance-members/{memberId}/leave", new { leftOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("退出日期不能早于加入日期。", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/cobuilding/alliance-members/{memberId}/leave", new { leftOn = "2026-06-30" })).StatusCode);
        var beforeLeaving = await api.PostAsJsonAsync(members, new { partnerUnitId = other.Id, joinedOn = "2026-06-01" });
        Assert.Equal(HttpStatusCode.BadRequest, beforeLeaving.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(members, new { partnerUnitId = other.Id, joinedOn = "2026-07-01" })).StatusCode);

        var rows = app.WithDb(db => db.AllianceMembers.Where(m => m.AllianceId == id).ToList());
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, m => m.PartnerUnitId == other.Id && m.LeftOn == null);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == memberId.ToString() && a.Action == AuditAction.Update && a.After!.Contains("2026-06-30"))));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == id.ToString() && a.Action == AuditAction.Insert)));
    }

    [Fact]
    public async Task The_lead_must_be_a_member_and_cannot_leave_while_it_leads()
    {
        var heping = Unit("和平社区党委");
        var api = await app.ApiAs("staff");
        var (id, lead, other) = await FoundAsync(api, heping);
        var leadMember = app.WithDb(db => db.AllianceMembers.Single(m => m.AllianceId == id && m.PartnerUnitId == lead.Id));
        Assert.Equal(new DateOnly(2026, 4, 1), leadMember.JoinedOn);

        var leaving = await api.PostAsJsonAsync($"/api/v1/cobuilding/alliance-members/{leadMember.Id}/leave", new { leftOn = "2026-05-01" });
        Assert.Equal(HttpStatusCode.Conflict, leaving.StatusCode);
        Assert.Contains("牵头单位不能退出联盟，请先更换牵头单位。", await leaving.Content.ReadAsStringAsync());

        object Edit(Guid leadId, int version) => new { orgUnitId = heping.Id, name = "测试商圈党建联盟", theme = "共创文明商街", foundedOn = "2026-04-01", leadPartnerUnitId = leadId, version };
        var notMember = await api.PutAsJsonAsync($"/api/v1/cobuilding/alliances/{id}", Edit(other.Id, 0));
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Contains("牵头单位须是联盟的现有成员单位。", await notMember.Content.ReadAsStringAsync());
        Assert.Equal(lead.Id, app.WithDb(db => db.Alliances.Single(a => a.Id == id).LeadPartnerUnitId));

        await api.PostAsJsonAsync($"/api/v1/cobuilding/alliances/{id}/members", new { partnerUnitId = other.Id, joinedOn = "2026-04-02" });
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/cobuilding/alliances/{id}", Edit(other.Id, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/cobuilding/alliance-members/{leadMember.Id}/leave", new { leftOn = "2026-05-01" })).StatusCode);
        // The same edit again with the old version is a stale write.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/cobuilding/alliances/{id}", Edit(other.Id, 0))).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_saves_nothing()
    {
        var heping = Unit("和平社区党委");
        var api = await app.ApiAs("secretary");
        var street = app.WithDb(db => db.PartnerUnit(Unit("东湖街道党工委"), "街道层面单位"));
        var name = "坏输入联盟" + Guid.NewGuid().ToString("N")[..6];
        var bad = await api.PostAsJsonAsync("/api/v1/cobuilding/alliances", new { orgUnitId = heping.Id, name, theme = "", leadPartnerUnitId = street.Id });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写联盟的共建主题。", body);
        Assert.Contains("请填写成立日期。", body);
        Assert.Contains("请选择驻在本街道或社区的共建单位。", body);
        Assert.Equal(0, app.WithDb(db => db.Alliances.Count(a => a.Name == name)));

        var (id, _, _) = await FoundAsync(api, heping);
        var count = app.WithDb(db => db.AllianceMembers.Count(m => m.AllianceId == id));
        var beforeFounding = await api.PostAsJsonAsync($"/api/v1/cobuilding/alliances/{id}/members", new { orgUnitId = heping.Id, joinedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.BadRequest, beforeFounding.StatusCode);
        Assert.Contains("加入日期不能早于联盟成立日期。", await beforeFounding.Content.ReadAsStringAsync());
        Assert.Equal(count, app.WithDb(db => db.AllianceMembers.Count(m => m.AllianceId == id)));
        // A community's party committee is a member too.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/cobuilding/alliances/{id}/members", new { orgUnitId = heping.Id, joinedOn = "2026-04-01" })).StatusCode);
    }

    [Fact]
    public async Task The_neighbour_community_does_not_find_the_alliance_and_a_liaison_may_not_change_it()
    {
        var heping = Unit("和平社区党委");
        var (id, _, other) = await FoundAsync(await app.ApiAs("secretary"), heping);
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/cobuilding/alliances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/cobuilding/alliances/{id}/members", new { partnerUnitId = other.Id, joinedOn = "2026-05-01" })).StatusCode);
        Assert.DoesNotContain((await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/cobuilding/alliances")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var liaison = await app.ApiAs("liaison");
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/api/v1/cobuilding/alliances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/cobuilding/alliances/{id}/members", new { partnerUnitId = other.Id, joinedOn = "2026-05-01" })).StatusCode);
    }

    [Fact]
    public async Task The_demo_shopping_street_alliance_has_twelve_units_led_by_the_chamber_of_commerce()
    {
        var list = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>("/api/v1/cobuilding/alliances");
        var demo = list.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "和平路商业街区党建联盟");
        Assert.Equal(12, demo.GetProperty("members").GetInt32());
        Assert.Equal("和平路商业街商会", demo.GetProperty("leadName").GetString());
    }

    [Fact]
    public async Task The_alliance_pages_add_and_remove_a_member()
    {
        var heping = Unit("和平社区党委");
        var (id, _, other) = await FoundAsync(await app.ApiAs("secretary"), heping);
        var pages = await app.PagesAs("secretary");
        var url = $"/cobuilding/alliances/{id}";
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(url)).StatusCode);
        var add = await LianxinApp.PostFormAsync(pages, url + "?handler=Join", new() { ["Join.Unit"] = $"p:{other.Id}", ["Join.JoinedOn"] = "2026-05-01" }, url);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var member = app.WithDb(db => db.AllianceMembers.Single(m => m.AllianceId == id && m.PartnerUnitId == other.Id));
        var html = await pages.GetStringAsync(url);
        Assert.Contains(other.Name, html);
        Assert.Contains("退出联盟吗", html);

        var empty = await LianxinApp.PostFormAsync(pages, url + "?handler=Join", new() { ["Join.Unit"] = "", ["Join.JoinedOn"] = "" }, url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请选择要加入的单位。", await empty.Content.ReadAsStringAsync());

        var leave = await LianxinApp.PostFormAsync(pages, $"{url}?handler=Leave&memberId={member.Id}", new() { ["Leave.LeftOn"] = "2026-08-31" }, url);
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);
        Assert.Equal(new DateOnly(2026, 8, 31), app.WithDb(db => db.AllianceMembers.Single(m => m.Id == member.Id).LeftOn));
    }
}
