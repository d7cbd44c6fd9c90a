using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform;

namespace Lianxin.Tests.Platform;

/// <summary>Text with invisible control characters is refused with a message naming the field, on the API and on page forms; emoji are fine.</summary>
[Collection(AppCollection.Name)]
public class ControlCharacterTests(LianxinApp app)
{
    [Theory]
    [InlineData("/api/v1/demands", "description", "楼道灯坏了\u202E了好修")]
    [InlineData("/api/v1/pledges", "title", "为群众\u0000办实事")]
    public async Task An_API_body_with_control_characters_is_a_400_naming_the_field(string url, string field, string text)
    {
        var api = await app.ApiAs("street");
        var response = await api.PostAsJsonAsync(url, new Dictionary<string, object> { [field] = text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal($"“{field}”含有不可见的控制字符，请删除后重试。", errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Emoji_tabs_and_new_lines_are_text_not_control_characters()
    {
        Assert.False(ControlCharacters.Has("小区活动🎉\t第一行\r\n第二行 👨‍👩‍👧"));
        Assert.True(ControlCharacters.Has("名字\u202E"));
        Assert.True(ControlCharacters.Has("a\u0007b"));
        // The API reads an emoji body to its rules: here a 400 for the missing fields, not for the emoji.
        var api = await app.ApiAs("street");
        var response = await api.PostAsJsonAsync("/api/v1/demands", new { description = "井盖松动🙏" });
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.False(errors.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task A_page_form_with_a_control_character_is_refused_naming_the_field_and_saves_nothing()
    {
        var client = await app.PagesAs("secretary");
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "中共和平社区委员会").Id);
        var name = "控制字符院落\u202E";
        var response = await LianxinApp.PostFormAsync(client, $"/org/compounds/new?communityId={heping}", new() { ["Input.Name"] = name, ["Input.Type"] = "UnitCompound" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("含有不可见的控制字符，请删除后重试。", html);
        Assert.Contains("Name", html);
        Assert.False(app.WithDb(db => db.Compounds.Any(c => c.Name == name)));
    }
}
