using System.Net;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Platform;

/// <summary>"/" answers residents (the ways in) as well as staff (their home).</summary>
[Collection(AppCollection.Name)]
public class FrontDoorTests(LianxinApp app)
{
    [Fact]
    public async Task An_anonymous_visitor_gets_the_residents_front_door_with_the_public_boards_and_a_staff_sign_in()
    {
        var (street, community) = app.WithDb(db => (
            db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id, db.OrgUnits.First(u => u.ShortName == "和平社区党委").Id));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/public/demands/new\"", html);
        Assert.Contains("我要反映诉求", html);
        Assert.Contains("href=\"/public/demands/track\"", html);
        Assert.Contains("查询办理进度", html);
        Assert.Contains("为民解忧榜", html);
        Assert.Contains($"href=\"/public/board/{street}\">东湖街道</a>", html);
        Assert.Contains($"href=\"/public/board/{community}\">和平社区</a>", html);
        Assert.Contains("href=\"/account/login\"", html);
        Assert.Contains("工作人员登录", html);
        Assert.DoesNotContain("当前身份", html);
    }

    [Fact]
    public async Task A_signed_in_user_still_gets_their_home_with_identity_and_shortcuts()
    {
        var client = await app.PagesAs("staff");

        var html = await client.GetStringAsync("/");

        Assert.Contains("当前身份", html);
        Assert.Contains("退出登录", html);
        Assert.DoesNotContain("工作人员登录", html);
        Assert.DoesNotContain("href=\"/public/demands/track\"", html);
    }

    [Fact]
    public async Task Every_page_names_its_icons_and_manifest_and_they_are_served()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("rel=\"icon\" href=\"/favicon.svg\"", html);
        Assert.Contains("rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\"", html);
        Assert.Contains("rel=\"manifest\" href=\"/site.webmanifest\"", html);

        foreach (var (url, type) in new[] { ("/favicon.svg", "image/svg+xml"), ("/apple-touch-icon.png", "image/png"), ("/site.webmanifest", "application/manifest+json") })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_public_board_leads_to_the_intake()
    {
        var community = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委").Id);
        var html = await app.CreateClient().GetStringAsync($"/public/board/{community}");
        Assert.Contains("href=\"/public/demands/new\"", html);
    }
}
