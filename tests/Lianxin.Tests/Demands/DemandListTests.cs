using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;

namespace Lianxin.Tests.Demands;

/// <summary>The demand list pages in the database in one stable order, and its search and filters keep working.</summary>
[Collection(AppCollection.Name)]
public class DemandListTests(LianxinApp app)
{
    [Fact]
    public async Task Pages_of_demands_received_at_the_same_moment_neither_repeat_nor_skip_one()
    {
        var marker = "同刻" + Guid.NewGuid().ToString("N")[..8];
        var at = new DateTime(2022, 5, 9, 2, 0, 0, DateTimeKind.Utc);
        var ids = app.WithDb(db =>
        {
            var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            var demands = Enumerable.Range(0, 5).Select(i => new Demand
            {
                TenantId = community.TenantId, TicketNo = "LS" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), CategoryId = Guid.NewGuid(),
                CategoryName = "环境卫生", Description = $"{marker} 第{i}件", StreetId = community.ParentId!.Value, CommunityId = community.Id,
                Address = i == 3 ? $"{marker}路3号" : null, ContactName = "测试", PhoneTail = "0000",
                OrgPath = community.Path, Level = DemandLevel.Community, HandlerUnitId = community.Id, HandlerPath = community.Path,
                State = i == 4 ? DemandState.Accepted : DemandState.Submitted, CreatedAt = at, LevelSince = at,
            }).ToList();
            db.Demands.AddRange(demands);
            db.SaveChanges();
            return demands.Select(d => d.Id).ToList();
        });

        var api = await app.ApiAs("street");
        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var j = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={Uri.EscapeDataString(marker)}&pageSize=2&page={page}");
            Assert.Equal(5, j.GetProperty("total").GetInt32());
            seen.AddRange(j.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
        }
        // Every demand once; same moment, so the id breaks the tie (newest id first, like the time).
        Assert.Equal(ids.OrderByDescending(i => i.ToString(), StringComparer.Ordinal).ToList(), seen);

        // Filters still narrow the search.
        var accepted = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={Uri.EscapeDataString(marker)}&state=Accepted");
        Assert.Equal(ids[4], Assert.Single(accepted.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var byAddress = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={Uri.EscapeDataString(marker + "路")}");
        Assert.Equal(ids[3], Assert.Single(byAddress.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var ticket = app.WithDb(db => db.Demands.First(d => d.Id == ids[1]).TicketNo);
        var byTicket = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={ticket.ToLowerInvariant()}");
        Assert.Equal(ids[1], Assert.Single(byTicket.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // The page shows the same order, and refuses a page size it will not serve.
        var html = await (await app.PagesAs("street")).GetStringAsync($"/demands?q={Uri.EscapeDataString(marker)}");
        var positions = ids.OrderByDescending(i => i.ToString(), StringComparer.Ordinal).Select(i => html.IndexOf($"/demands/{i}", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
        var tooBig = await api.GetAsync("/api/v1/demands?pageSize=101");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("每页条数须在 1–100 之间。", await tooBig.Content.ReadAsStringAsync());
    }
}
