using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Audit;

namespace Lianxin.Tests.CoBuilding;

[Collection(AppCollection.Name)]
public class PartnerUnitsTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    OrgUnit Heping() => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
    Guid UserId(string userName) => app.WithDb(db => db.Users.Single(u => u.UserName == userName).Id);

    static object Edit(Guid station, string name, int version, string phone = "0571-8866-0001", string? liaison = null) => new
    {
        stationedUnitId = station, name, kind = "PrivateEnterprise", address = "和平路 9 号", partyOrgName = "中共测试科技支部委员会", partySecretary = "林书记",
        partyMemberCount = 6, contactName = "林小姐", contactPhone = phone, instructor = "张文静", liaisonUserName = liaison, version,
    };

    [Fact]
    public async Task A_secretary_registers_a_partner_unit_with_its_liaison_and_bad_input_is_refused_in_Chinese_without_saving()
    {
        var heping = Heping();
        var api = await app.ApiAs("secretary");
        var name = "和平里测试科技有限公司" + Guid.NewGuid().ToString("N")[..6];

        var bad = await api.PostAsJsonAsync("/api/v1/cobuilding/units", new
        {
            stationedUnitId = heping.Id, name, kind = "PrivateEnterprise", address = "", partyMemberCount = 3, contactName = "", contactPhone = "电话", liaisonUserName = "resident",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写单位地址。", body);
        Assert.Contains("请填写联系人。", body);
        Assert.Contains("联系电话只能包含数字和“-”，7–20 位。", body);
        Assert.Contains("未找到该账号，或它不是您辖区内的共建单位联络员。", body);
        Assert.Equal(0, app.WithDb(db => db.PartnerUnits.Count(p => p.Name == name)));

        var created = await api.PostAsJsonAsync("/api/v1/cobuilding/units", Edit(heping.Id, name, 0, liaison: "liaison"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/units/{id}");
        Assert.Equal("liaison", detail.GetProperty("liaisonUserName").GetString());
        Assert.Equal("非公企业", detail.GetProperty("kindName").GetString());
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == id.ToString() && a.Action == AuditAction.Insert)));

        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/units?q={Uri.EscapeDataString(name)}&kind=PrivateEnterprise");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var otherKind = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/units?q={Uri.EscapeDataString(name)}&kind=Agency");
        Assert.Equal(0, otherKind.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_edit_checks_its_input_and_its_version_and_is_audited()
    {
        var heping = Heping();
        var unit = app.WithDb(db => db.PartnerUnit(heping, "和平测试物业"));
        var api = await app.ApiAs("staff");

        var bad = await api.PutAsJsonAsync($"/api/v1/cobuilding/units/{unit.Id}", Edit(heping.Id, "", unit.Version, phone: ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写单位名称。", body);
        Assert.Contains("请填写联系电话。", body);
        Assert.Equal(unit.Name, app.WithDb(db => db.PartnerUnits.Single(p => p.Id == unit.Id).Name));

        var ok = await api.PutAsJsonAsync($"/api/v1/cobuilding/units/{unit.Id}", Edit(heping.Id, unit.Name + "（改）", unit.Version));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(unit.Version + 1, (await Json(ok)).GetProperty("version").GetInt32());

        var stale = await api.PutAsJsonAsync($"/api/v1/cobuilding/units/{unit.Id}", Edit(heping.Id, unit.Name + "（再改）", unit.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("该记录已被他人修改，请刷新后重试。", await stale.Content.ReadAsStringAsync());
        Assert.Equal(unit.Name + "（改）", app.WithDb(db => db.PartnerUnits.Single(p => p.Id == unit.Id).Name));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == unit.Id.ToString() && a.Action == AuditAction.Update && a.After!.Contains("（改）"))));
    }

    [Fact]
    public async Task The_neighbour_communitys_secretary_does_not_find_a_unit_of_heping()
    {
        var heping = Heping();
        var unit = app.WithDb(db => db.PartnerUnit(heping, "和平测试单位"));
        var api = await app.ApiAs("secretary2");

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cobuilding/units/{unit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/cobuilding/units/{unit.Id}", Edit(heping.Id, "改名", unit.Version))).StatusCode);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/units?q={Uri.EscapeDataString(unit.Name)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_liaison_edits_the_unit_they_maintain_and_no_other_and_cannot_hand_it_on()
    {
        var heping = Heping();
        var liaison = UserId("liaison");
        var (mine, other) = app.WithDb(db => (db.PartnerUnit(heping, "联络员的单位", liaison), db.PartnerUnit(heping, "别家的单位")));
        var api = await app.ApiAs("liaison");

        var ok = await api.PutAsJsonAsync($"/api/v1/cobuilding/units/{mine.Id}", Edit(Guid.Empty, mine.Name, mine.Version, phone: "13811112222", liaison: null));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = app.WithDb(db => db.PartnerUnits.Single(p => p.Id == mine.Id));
        Assert.Equal("13811112222", saved.ContactPhone);
        Assert.Equal(liaison, saved.LiaisonUserId);
        Assert.Equal(heping.Id, saved.StationedUnitId);

        var refused = await api.PutAsJsonAsync($"/api/v1/cobuilding/units/{other.Id}", Edit(heping.Id, other.Name, other.Version));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("13900000000", app.WithDb(db => db.PartnerUnits.Single(p => p.Id == other.Id).ContactPhone));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/cobuilding/units", Edit(heping.Id, "联络员新建", 0))).StatusCode);
    }

    [Fact]
    public async Task A_resident_may_not_see_the_partner_units()
    {
        var api = await app.ApiAs("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/cobuilding/units")).StatusCode);
    }
}
