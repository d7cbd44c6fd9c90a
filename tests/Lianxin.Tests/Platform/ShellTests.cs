using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class ShellTests(LianxinApp app)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_does()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var doc = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/auth/token", doc);
    }

    [Fact]
    public async Task Bad_api_input_is_a_400_with_Chinese_messages()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入密码", body);
        Assert.Contains("提交的内容有误", body);
    }

    [Fact]
    public async Task An_unknown_page_shows_a_Chinese_404_without_a_stack_trace()
    {
        var client = await app.PagesAs("staff");
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_document()
    {
        var api = await app.ApiAs("staff");
        var response = await api.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task English_can_be_chosen_and_Chinese_is_the_default()
    {
        var client = await app.PagesAs("staff");
        Assert.Contains("修改密码", await client.GetStringAsync("/"));
        await LianxinApp.PostFormAsync(client, "/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Contains("Change password", await client.GetStringAsync("/"));
    }
}
