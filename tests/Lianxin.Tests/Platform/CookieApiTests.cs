using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Platform;

/// <summary>A cookie caller's unsafe API request needs the page's antiforgery token; a bearer caller does not (ADR 0027).</summary>
[Collection(AppCollection.Name)]
public class CookieApiTests(LianxinApp app)
{
    [Fact]
    public async Task A_cookie_post_to_the_api_without_the_antiforgery_header_is_refused_in_Chinese()
    {
        var client = await app.PagesAs("admin");
        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪令牌", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_cookie_upload_to_an_endpoint_without_form_antiforgery_is_refused_and_nothing_is_imported()
    {
        var client = await app.PagesAs("secretary");
        var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "名册.xlsx" } };
        var response = await client.PostAsync("/api/v1/members/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪令牌", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_pages_token_in_the_header_a_cookie_caller_reaches_the_endpoint()
    {
        var client = await app.PagesAs("admin");
        var html = await client.GetStringAsync("/account/change-password");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh") { Content = JsonContent.Create(new { refreshToken = "x" }) };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // the endpoint's own answer to a bad refresh token
    }

    [Fact]
    public async Task Bearer_callers_and_cookie_reads_need_no_antiforgery_token()
    {
        var api = await app.ApiAs("admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "x" })).StatusCode);
        var pages = await app.PagesAs("admin");
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}
