using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.CoBuilding;

[Collection(AppCollection.Name)]
public class CommitteeSeatsTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == shortName));

    [Fact]
    public async Task A_seat_ends_no_earlier_than_it_began_and_a_unit_holds_one_open_seat_per_committee()
    {
        var heping = Unit("和平社区党委");
        var partner = app.WithDb(db => db.PartnerUnit(heping, "大党委测试单位"));
        var api = await app.ApiAs("secretary");
        var url = $"/api/v1/cobuilding/committees/{heping.Id}/seats";

        var backwards = await api.PostAsJsonAsync(url, new { partnerUnitId = partner.Id, personName = "吴委员", post = "兼职委员", termFrom = "2026-03-01", termTo = "2026-02-01" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("任期结束日期不能早于开始日期。", await backwards.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.CommitteeSeats.Count(s => s.PartnerUnitId == partner.Id)));

        var first = await api.PostAsJsonAsync(url, new { partnerUnitId = partner.Id, personName = "吴委员", post = "兼职委员", termFrom = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var seatId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var second = await api.PostAsJsonAsync(url, new { partnerUnitId = partner.Id, personName = "郑委员", post = "兼职委员", termFrom = "2026-04-01" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已有在任的席位", await second.Content.ReadAsStringAsync());

        var committee = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/committees/{heping.Id}");
        Assert.Equal("和平社区大党委", committee.GetProperty("committeeName").GetString());
        Assert.Contains(committee.GetProperty("seats").EnumerateArray(), s => s.GetProperty("id").GetGuid() == seatId);
        Assert.True(committee.GetProperty("stationedUnits").GetInt32() >= 1);

        var endTooEarly = await api.PostAsJsonAsync($"/api/v1/cobuilding/seats/{seatId}/end", new { termTo = "2026-01-31" });
        Assert.Equal(HttpStatusCode.BadRequest, endTooEarly.StatusCode);
        Assert.Null(app.WithDb(db => db.CommitteeSeats.Single(s => s.Id == seatId).TermTo));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/cobuilding/seats/{seatId}/end", new { termTo = "2026-03-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { partnerUnitId = partner.Id, personName = "郑委员", post = "兼职委员", termFrom = "2026-04-01" })).StatusCode);
    }

    [Fact]
    public async Task The_demo_street_has_a_big_working_committee_with_eight_seats_and_a_liaison_may_not_change_it()
    {
        var street = Unit("东湖街道党工委");
        var committee = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/committees/{street.Id}");
        Assert.Equal("东湖街道大工委", committee.GetProperty("committeeName").GetString());
        Assert.Equal(8, committee.GetProperty("seats").EnumerateArray().Count(s => s.GetProperty("termTo").ValueKind == JsonValueKind.Null));

        var heping = Unit("和平社区党委");
        var partner = app.WithDb(db => db.PartnerUnit(heping, "联络员不能增补"));
        var liaison = await app.ApiAs("liaison");
        var refused = await liaison.PostAsJsonAsync($"/api/v1/cobuilding/committees/{heping.Id}/seats", new { partnerUnitId = partner.Id, personName = "某人", post = "兼职委员", termFrom = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
