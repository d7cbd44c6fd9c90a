using System.Net;
using Lianxin.Tests.Support;
using System.Net.Http.Json;
using Lianxin.Web.Modules.Members.Domain;

namespace Lianxin.Tests.Members;

[Collection(AppCollection.Name)]
public class MemberPageTests(LianxinApp app)
{
    [Fact]
    public async Task The_new_member_form_rejects_a_bad_ID_in_Chinese_and_stores_a_good_one()
    {
        var units = new MemberRosterTests(app).Units();
        var client = await app.PagesAs("secretary");
        var good = MemberRosterTests.NewId();
        var bad = good[..17] + (good[17] == '0' ? "1" : "0");
        var fields = (string id) => new Dictionary<string, string>
        {
            ["Form.Name"] = "页面新增", ["Form.IdNumber"] = id, ["Form.Phone"] = "13812340000", ["Form.JoinedOn"] = "2015-07-01", ["Form.FullMemberOn"] = "2016-07-01",
            ["Form.Category"] = "Full", ["Form.BranchId"] = units.hepingGrid.Id.ToString(), ["Form.Employment"] = "Retired", ["Form.Ethnicity"] = "汉族",
        };
        var response = await LianxinApp.PostFormAsync(client, "/members/new", fields(bad));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("校验位不正确", await response.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Members.Any(m => m.Name == "页面新增")));

        response = await LianxinApp.PostFormAsync(client, "/members/new", fields(good));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var card = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("页面新增", card);
        Assert.Contains(good, card); // the secretary may see the whole number
    }

    [Fact]
    public async Task The_neighbour_gets_a_404_for_a_members_card_page_and_a_member_cannot_open_the_roster()
    {
        var units = new MemberRosterTests(app).Units();
        var id = app.WithDb(db => db.Members.First(m => m.OrgPath.StartsWith(units.heping.Path)).Id);
        var neighbour = await app.PagesAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/members/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/members/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/members/export?unitId={units.heping.Id}")).StatusCode);
        var member = await app.PagesAs("member");
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/members")).StatusCode);
    }

    [Fact]
    public async Task A_status_change_from_the_page_is_added_to_the_history()
    {
        var units = new MemberRosterTests(app).Units();
        var api = await app.ApiAs("secretary");
        var created = await (await api.PostAsync("/api/v1/members", System.Net.Http.Json.JsonContent.Create(MemberRosterTests.NewMember(units.hepingGrid.Id, "页面状态"))))
            .Content.ReadFromJsonAsync<Lianxin.Web.Modules.Members.Features.MemberDto>();
        var client = await app.PagesAs("secretary");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var empty = await LianxinApp.PostFormAsync(client, $"/members/{created!.Id}/status", new() { ["Form.To"] = "Suspended", ["Form.On"] = today, ["Form.Version"] = "0" });
        Assert.Contains("请输入变更原因", await empty.Content.ReadAsStringAsync());
        var ok = await LianxinApp.PostFormAsync(client, $"/members/{created.Id}/status", new() { ["Form.To"] = "Suspended", ["Form.On"] = today, ["Form.Reason"] = "组织处理", ["Form.Version"] = created.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(MemberStatus.Suspended, app.WithDb(db => db.Members.Single(m => m.Id == created.Id).Status));
    }

    [Theory]
    [InlineData("secretary", "/members/dual", "尚未报到")]
    [InlineData("secretary", "/members/posts", "党员先锋岗·邻里调解")]
    [InlineData("secretary", "/members/central", "覆盖率")]
    [InlineData("secretary", "/members/import", "党员导入模板")]
    [InlineData("secretary", "/members/roster", "在册")]
    [InlineData("member", "/members/me", "李建华")]
    public async Task Module_pages_render_in_Chinese(string user, string url, string text)
    {
        var client = await app.PagesAs(user);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_template_downloads_as_a_workbook_with_the_Chinese_headers()
    {
        var client = await app.PagesAs("secretary");
        var bytes = await client.GetByteArrayAsync("/members/import?handler=Template");
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var text = doc.WorkbookPart!.WorksheetParts.First().Worksheet.InnerText;
        Assert.Contains("公民身份号码", text);
        Assert.Contains("所在支部", text);
    }
}
