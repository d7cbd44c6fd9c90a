using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Open311;

/// <summary>
/// Issue 16: what a client written from the GeoReport v2 text alone met (ADR 0030). It files with the spec's optional fields left
/// out and a +86 phone, learns what we require from the service definition, gets the notice back on GET, reads times as the
/// jurisdiction's, is told when to retry, and the handler sees the media_url it sent.
/// </summary>
[Collection(AppCollection.Name)]
public class Open311SpecClientTests(LianxinApp app)
{
    const string Key = Open311Keys.DemoKey;
    const string V2 = "/open311/v2";

    record Place(string StreetCode, string CommunityCode, Guid Category, string CategoryName);

    Place Heping() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var street = db.OrgUnits.First(u => u.Id == community.ParentId);
        var category = db.DemandCategories.First(c => c.StreetId == street.Id && c.Name == "设施维修");
        return new Place(street.Code, community.Code, category.Id, category.Name);
    });

    static Dictionary<string, string> Minimal(Place p, string address) => new()
    {
        ["api_key"] = Key, ["jurisdiction_id"] = p.StreetCode, ["service_code"] = p.Category.ToString("N"),
        ["attribute[community]"] = p.CommunityCode, ["address_string"] = address,
    };

    static async Task<JsonElement> Created(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        await Open311Schemas.AssertValidAsync("request-created", body);
        return JsonDocument.Parse(body).RootElement[0];
    }

    static Task<HttpResponseMessage> Post(HttpClient c, Dictionary<string, string> form) => c.PostAsync($"{V2}/requests.json", new FormUrlEncodedContent(form));

    [Fact]
    public async Task The_service_definition_lists_the_phone_we_require_and_a_spec_only_filing_with_a_plus86_phone_is_accepted()
    {
        var p = Heping();
        var anon = app.CreateClient();
        var definition = await anon.GetStringAsync($"{V2}/services/{p.Category:N}.json?jurisdiction_id={p.StreetCode}");
        await Open311Schemas.AssertValidAsync("service-definition", definition);
        var phoneAttribute = JsonDocument.Parse(definition).RootElement.GetProperty("attributes").EnumerateArray()
            .Single(a => a.GetProperty("code").GetString() == "contact_phone");
        Assert.True(phoneAttribute.GetProperty("required").GetBoolean());
        Assert.Equal("string", phoneAttribute.GetProperty("datatype").GetString());

        // No name, no description, the phone in the spec's field with the country code.
        var address = "规范客户端测试 " + Guid.NewGuid().ToString("N")[..6];
        var form = Minimal(p, address);
        form["phone"] = "+8613966668888";
        var id = (await Created(await Post(anon, form))).GetProperty("service_request_id").GetString();
        var pd = app.Services.GetRequiredService<PersonalData>();
        app.WithDb(db =>
        {
            var d = db.Demands.AsNoTracking().Single(x => x.TicketNo == id);
            Assert.Equal("13966668888", pd.OpenPhone(d.ContactPhoneCipher));
            Assert.Equal("8888", d.PhoneTail);
            Assert.Equal("居民", d.ContactName);
            Assert.Equal($"{p.CategoryName}（经 Open311 提交）", d.Description);
            return 0;
        });

        // A generic client that fills in the advertised attribute instead; a two-character description is kept after the service.
        var viaAttribute = Minimal(p, address + "乙");
        viaAttribute["attribute[contact_phone]"] = "0086 139 6666 7777";
        viaAttribute["description"] = "灯坏";
        var second = (await Created(await Post(anon, viaAttribute))).GetProperty("service_request_id").GetString();
        app.WithDb(db =>
        {
            var d = db.Demands.AsNoTracking().Single(x => x.TicketNo == second);
            Assert.Equal("13966667777", pd.OpenPhone(d.ContactPhoneCipher));
            Assert.Equal($"{p.CategoryName}：灯坏", d.Description);
            return 0;
        });

        // Without any phone: a 400 naming both places it may go, in Chinese.
        var none = await Post(anon, Minimal(p, address + "丙"));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var errors = await none.Content.ReadAsStringAsync();
        Assert.Contains("attribute[contact_phone]", errors);
        Assert.Contains("请填写联系电话", errors);
    }

    [Fact]
    public async Task The_handler_sees_the_media_url_on_the_demand_page_and_in_the_api()
    {
        var p = Heping();
        var form = Minimal(p, "媒体链接测试 " + Guid.NewGuid().ToString("N")[..6]);
        form["phone"] = "13966660001";
        form["media_url"] = "https://img.example.org/p/media-test.jpg";
        var ticket = (await Created(await Post(app.CreateClient(), form))).GetProperty("service_request_id").GetString();
        var id = app.WithDb(db => db.Demands.Single(d => d.TicketNo == ticket).Id);

        var detail = await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}");
        Assert.Equal("https://img.example.org/p/media-test.jpg", detail.GetProperty("mediaUrl").GetString());
        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/demands/{id}");
        Assert.Contains("href=\"https://img.example.org/p/media-test.jpg\"", page);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", page);
    }

    [Fact]
    public async Task Get_gives_the_notice_post_gave_and_times_without_an_offset_are_Beijing_time()
    {
        var p = Heping();
        var form = Minimal(p, "通知与时区测试 " + Guid.NewGuid().ToString("N")[..6]);
        form["phone"] = "13966660002";
        var created = await Created(await Post(app.CreateClient(), form));
        var ticket = created.GetProperty("service_request_id").GetString()!;
        var anon = app.CreateClient();
        var one = JsonDocument.Parse(await anon.GetStringAsync($"{V2}/requests/{ticket}.json?api_key={Key}")).RootElement[0];
        Assert.Equal(created.GetProperty("service_notice").GetString(), one.GetProperty("service_notice").GetString());

        // Filed at Beijing time T: from T−1 min (no offset) finds it, from T+1 min does not; read as UTC both would be 8 hours off.
        var at = ChinaTime.ToBeijing(app.WithDb(db => db.Demands.Single(d => d.TicketNo == ticket).CreatedAt));
        string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss");
        async Task<bool> Lists(DateTime from) =>
            JsonDocument.Parse(await anon.GetStringAsync($"{V2}/requests.json?api_key={Key}&start_date={Local(from)}&end_date={Local(at.AddMinutes(5))}"))
                .RootElement.EnumerateArray().Any(r => r.GetProperty("service_request_id").GetString() == ticket);
        Assert.True(await Lists(at.AddMinutes(-1)));
        Assert.False(await Lists(at.AddMinutes(1)));
        // With an offset the offset decides, as before.
        var utc = at.AddHours(-8).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Assert.Contains(ticket, await anon.GetStringAsync($"{V2}/requests.json?api_key={Key}&start_date={utc}&end_date={Local(at.AddMinutes(5))}"));
    }

    [Fact]
    public async Task A_demo_deployment_calls_itself_a_test_endpoint_and_a_429_says_when_to_retry()
    {
        var discovery = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"{V2}/discovery.json")).RootElement;
        Assert.Equal("test", discovery.GetProperty("endpoints")[0].GetProperty("type").GetString());

        var p = Heping();
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("Demands:Open311:PermitLimit", "1"));
        var client = strict.CreateClient();
        var first = Minimal(p, "限流测试 " + Guid.NewGuid().ToString("N")[..6]);
        first["phone"] = "13966660003";
        await Created(await Post(client, first));
        var again = await Post(client, first);
        Assert.Equal((HttpStatusCode)429, again.StatusCode);
        var wait = int.Parse(again.Headers.GetValues("Retry-After").Single());
        Assert.InRange(wait, 1, 60);
        var body = await again.Content.ReadAsStringAsync();
        await Open311Schemas.AssertValidAsync("errors", body);
        Assert.Contains("提交过于频繁", body);
    }
}
