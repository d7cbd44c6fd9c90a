using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Rollups.Features;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Tests.Rollups;

[Collection(AppCollection.Name)]
public class ScreenTests(LianxinApp app)
{
    Guid DemoStreet() => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "东湖街道党工委").Id);

    [Fact]
    public async Task Street_staff_hand_out_a_screen_link_that_shows_figures_without_an_account_and_nothing_personal()
    {
        var street = DemoStreet();
        var staff = await app.ApiAs("street");
        var created = await staff.PostAsJsonAsync("/api/v1/rollups/screen-links", new { unitId = street, days = 7 });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("东湖街道", html);
        Assert.Contains("诉求受理件数", html);
        Assert.DoesNotMatch(@"1[3-9]\d{9}", html);

        var data = await anonymous.GetFromJsonAsync<JsonElement>(url + "?handler=Data");
        Assert.Contains(data.GetProperty("charts").EnumerateArray(), c => c.GetProperty("units").EnumerateArray().Any(u => u.GetString() == "和平社区"));

        // A token altered by one character is no link at all.
        var token = url["/screen/".Length..];
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/screen/" + altered)).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_shows_nothing()
    {
        var street = DemoStreet();
        var token = app.WithScope(sp => sp.GetRequiredService<ScreenLinks>()
            .Issue(sp.GetRequiredService<LianxinDb>().CurrentTenantId, street, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/screen/" + token)).StatusCode);
    }

    [Fact]
    public async Task Only_street_and_district_staff_make_links_and_only_for_streets_or_the_district_for_up_to_ninety_days()
    {
        var street = DemoStreet();
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委").Id);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await app.ApiAs("secretary")).PostAsJsonAsync("/api/v1/rollups/screen-links", new { unitId = heping, days = 7 })).StatusCode);
        var staff = await app.ApiAs("street");
        var community = await staff.PostAsJsonAsync("/api/v1/rollups/screen-links", new { unitId = heping, days = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, community.StatusCode);
        Assert.Contains("大屏只面向街道或全区", await community.Content.ReadAsStringAsync());
        var tooLong = await staff.PostAsJsonAsync("/api/v1/rollups/screen-links", new { unitId = street, days = 365 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("有效期应为 1 至 90 天", await tooLong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_comparison_page_renders_the_table_in_Chinese_and_survives_a_bad_period()
    {
        var pages = await app.PagesAs("street");
        var html = await pages.GetStringAsync("/rollups");
        Assert.Contains("对标对表", html);
        Assert.Contains("和平社区", html);
        var bad = await pages.GetAsync("/rollups?Period=abc");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("统计期格式应为", await bad.Content.ReadAsStringAsync());
    }
}
