using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Walks the API with input that cannot bind: a truncated JSON body, a wrong-typed or missing query parameter,
/// <c>null</c> for a list. Each must be a 400 naming the field in Chinese, never a 500, in Development (where the
/// framework throws on bad requests) as in Production. One line per probe below.
/// </summary>
public abstract class BadInputWalkTests(LianxinApp app)
{
    /// <summary>What to send and the field the 400 must name (null: any field, as where a truncated body breaks off).</summary>
    public record Probe(string Method, string Url, string? Body, string? Field)
    {
        public override string ToString() => $"{Method} {Url} {Body}";
    }

    static readonly string Id = Guid.NewGuid().ToString(); // binding fails before any record is looked up

    static Probe Truncated(string method, string url) => new(method, url, """{"name":"半截""", null);
    static Probe WrongType(string url, string param) => new("GET", $"{url}{(url.Contains('?') ? '&' : '?')}{param}=abc", null, param);
    static Probe Missing(string url, string param) => new("GET", url, null, param);
    static Probe NullList(string method, string url, string property) => new(method, url, $$"""{"{{property}}":null}""", property);

    public static TheoryData<Probe> Probes => new(
        // Organizations
        Truncated("POST", "/api/v1/org/units"),
        Truncated("PUT", $"/api/v1/org/units/{Id}"),
        WrongType("/api/v1/org/units", "pageSize"),
        WrongType("/api/v1/org/tree", "depth"),
        NullList("POST", $"/api/v1/org/buildings/{Id}/households", "items"),
        // Members
        Truncated("POST", "/api/v1/members"),
        WrongType("/api/v1/members", "PageSize"),
        Missing("/api/v1/members/stats", "unitId"),
        Missing($"/api/v1/members/roster?unitId={Id}", "on"),
        Missing("/api/v1/dual-reports/figures", "communityId"),
        NullList("POST", "/api/v1/zones", "memberIds"),
        NullList("PUT", $"/api/v1/central-households/{Id}/households", "householdIds"),
        // Demands
        Truncated("POST", "/api/v1/demands"),
        Truncated("POST", $"/api/v1/demands/{Id}/steps"),
        WrongType("/api/v1/demands", "PageSize"),
        WrongType("/api/v1/demands/figures", "from"),
        Missing("/api/v1/demands/departments", "streetId"),
        Missing("/api/v1/demands/categories", "streetId"),
        Missing("/api/v1/demands/slots", "communityId"),
        NullList("POST", $"/api/v1/demands/{Id}/dispatch", "departmentIds"),
        NullList("POST", "/api/v1/demands/slots", "modes"),
        // Pledges
        Truncated("POST", "/api/v1/pledges"),
        WrongType("/api/v1/pledges", "status"),
        WrongType("/api/v1/pledges/counts", "from"),
        NullList("POST", "/api/v1/pledges", "tasks"),
        // Reviews
        Truncated("POST", "/api/v1/reviews/rounds"),
        Truncated("PUT", $"/api/v1/reviews/sheets/{Id}"),
        WrongType("/api/v1/reviews/rectifications", "roundId"),
        WrongType("/api/v1/reviews/sheets/mine", "roundId"),
        NullList("POST", "/api/v1/reviews/rounds", "units"),
        NullList("PUT", $"/api/v1/reviews/sheets/{Id}", "entries"),
        // Platform
        Truncated("POST", "/api/v1/users"),
        WrongType("/api/v1/users", "page"),
        WrongType("/api/v1/audit/entries", "from"),
        WrongType("/api/v1/notifications", "take"));

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Input_that_cannot_bind_is_a_400_naming_the_field_never_a_500(Probe probe)
    {
        var api = await app.ApiAs("admin");
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.Body is not null) request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{probe}: {(int)response.StatusCode} {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().ToList();
        Assert.NotEmpty(errors);
        if (probe.Field is { } field) Assert.Contains(errors, e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        Assert.All(errors, e => Assert.Contains(e.Value.EnumerateArray(), m => m.GetString()!.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF)));
    }

    [Theory]
    // A record bound through its constructor (no setter to check), and two settable lists of objects.
    [InlineData("PUT", "/api/v1/orglife/trainings/{0}/scores", "scores")]
    [InlineData("POST", "/api/v1/pledges", "tasks")]
    [InlineData("POST", "/api/v1/reviews/rounds", "units")]
    public async Task A_null_item_in_a_list_is_a_400_naming_the_list(string method, string url, string list)
    {
        var api = await app.ApiAs("admin");
        var request = new HttpRequestMessage(new HttpMethod(method), string.Format(url, Id))
        {
            Content = new StringContent($$"""{"{{list}}":[null]}""", Encoding.UTF8, "application/json"),
        };
        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode} {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Equal($"“{list}”列表中不能有空项（null），请删除空项后重试。", errors.GetProperty(list)[0].GetString());
    }

    [Theory]
    [InlineData("POST", "/api/v1/pledges", """{"owner":12345}""", "owner")]
    [InlineData("POST", "/api/v1/posts", """{"kind":12345}""", "kind")]
    public async Task A_number_that_names_no_value_of_an_enum_is_a_400_naming_the_field(string method, string url, string body, string field)
    {
        var api = await app.ApiAs("admin");
        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode} {text}");
        Assert.Equal($"“{field}”的取值不在可选范围内。", JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/demands?q=%00")]
    [InlineData("/api/v1/members?q=%E2%80%AE")]
    public async Task A_control_character_in_a_query_string_is_a_400_naming_the_parameter(string url)
    {
        var api = await app.ApiAs("admin");
        var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {text}");
        Assert.Equal("“q”含有不可见的控制字符，请删除后重试。", JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task A_page_request_that_cannot_be_read_is_a_400_page_not_the_500_page()
    {
        var pages = await app.PagesAs("admin");
        // A multipart form whose body breaks off before its closing boundary.
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"Input.Name\"\r\n\r\n半截", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var response = await pages.PostAsync("/org/compounds/new", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求有误", html);
        Assert.DoesNotContain("系统处理您的请求时出现问题", html);
    }
}

/// <summary>Development: the framework throws on a request it cannot bind.</summary>
public class DevelopmentApp : LianxinApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public class ProductionApp : LianxinApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public class BadInputInDevelopmentTests(DevelopmentApp app) : BadInputWalkTests(app), IClassFixture<DevelopmentApp>;

public class BadInputInProductionTests(ProductionApp app) : BadInputWalkTests(app), IClassFixture<ProductionApp>;
