using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Showcase;

/// <summary>The street's public news is anonymous: a phone or ID number typed into a published story shows masked there (ADR 0030).</summary>
[Collection(AppCollection.Name)]
public class PublicNewsPrivacyTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);

    [Fact]
    public async Task A_phone_and_an_id_number_in_a_published_story_never_appear_in_clear_on_the_public_pages_or_api()
    {
        const string phone = "13987654321", id = "110101198805061234";
        var street = Unit("东湖街道党工委");
        var staff = await app.ApiAs("staff");
        var streetApi = await app.ApiAs("street");
        var title = $"热心居民留下电话 {phone} " + Guid.NewGuid().ToString("N")[..6];
        var body = $"如需帮助请拨打 {phone}，或凭身份证 {id} 到社区登记。";

        var created = await staff.PostAsJsonAsync("/api/v1/showcase/news", new { orgUnitId = Unit("和平社区党委"), title, body, channels = new[] { "Website" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await Json(created);
        var newsId = draft.GetProperty("id").GetGuid();
        var submitted = await staff.PostAsJsonAsync($"/api/v1/showcase/news/{newsId}/submit", new { version = draft.GetProperty("version").GetInt32() });
        var published = await streetApi.PostAsJsonAsync($"/api/v1/showcase/news/{newsId}/review",
            new { approve = true, channels = new[] { "Website" }, version = (await Json(submitted)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        // Staff still read the story whole.
        Assert.Contains(phone, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/showcase/news/{newsId}")).GetProperty("body").GetString());

        var anon = app.CreateClient();
        foreach (var url in new[] { $"/public/news/{street}", $"/public/news/{street}/{newsId}", $"/api/v1/public/news/{street}", $"/api/v1/public/news/{street}/{newsId}" })
        {
            var text = await anon.GetStringAsync(url);
            Assert.Contains("139****4321", text);
            Assert.DoesNotContain(phone, text);
            Assert.DoesNotContain(id, text);
        }
        Assert.Contains("1101**********1234", await anon.GetStringAsync($"/public/news/{street}/{newsId}"));
    }
}
