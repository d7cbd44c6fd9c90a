using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Demands;

/// <summary>"我的诉求": a signed-in resident sees what they filed while signed in; anonymous filing still works and stays anonymous.</summary>
[Collection(AppCollection.Name)]
public class MyDemandsTests(LianxinApp app)
{
    [Fact]
    public async Task A_resident_sees_the_demands_they_filed_signed_in_with_state_and_tracking_link_and_not_anonymous_ones()
    {
        var (communityId, categoryId, compoundId) = app.WithDb(db =>
        {
            var c = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            return (c.Id, db.DemandCategories.First(x => x.StreetId == c.ParentId && x.Name == "环境卫生").Id, db.Compounds.First(x => x.CommunityId == c.Id && x.BranchId == null).Id);
        });
        object Filing(string text) => new { communityId, categoryId, compoundId, description = text, contactName = "王秀英", contactPhone = "13800003333" };

        var resident = await app.ApiAs("resident");
        var mine = await resident.PostAsJsonAsync("/api/v1/public/demands", Filing("我家楼下路灯坏了一周。" + Guid.NewGuid().ToString("N")[..4]));
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var ticket = (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketNo").GetString();
        var anonymous = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", Filing("匿名反映：小区垃圾未清运。"));
        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        var anonTicket = (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketNo").GetString();

        var list = await resident.GetFromJsonAsync<JsonElement>("/api/v1/demands/mine");
        var row = Assert.Single(list.EnumerateArray(), r => r.GetProperty("ticketNo").GetString() == ticket);
        Assert.Equal("Submitted", row.GetProperty("state").GetString());
        Assert.Equal("待受理", row.GetProperty("stateName").GetString());
        Assert.Equal($"/public/demands/track?ticket={ticket}", row.GetProperty("trackUrl").GetString());
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("ticketNo").GetString() == anonTicket);

        var page = await (await app.PagesAs("resident")).GetStringAsync("/demands/mine");
        Assert.Contains(ticket!, page);
        Assert.Contains("href=\"/demands/mine\"", page);

        // Staff have no "my demands": their filings are recorded for residents.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("street")).GetAsync("/api/v1/demands/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/demands/mine")).StatusCode);
    }
}
