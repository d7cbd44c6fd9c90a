using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform.Audit;

namespace Lianxin.Tests.Mediation;

/// <summary>The community's staff edit a case's team; the team itself may not, and other communities do not find the case.</summary>
[Collection(AppCollection.Name)]
public class TeamEditTests(LianxinApp app)
{
    const string Cases = "/api/v1/deliberation/mediation/cases";

    async Task<Guid> OpenCaseAsync()
    {
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
        var created = await (await app.ApiAs("secretary")).PostAsJsonAsync(Cases, new
        {
            communityId = heping.Id, type = "Family", summary = "团队测试" + Guid.NewGuid().ToString("N")[..6],
            parties = new[] { new { side = "Applicant", name = "孙一", phone = "13800003333" }, new { side = "Respondent", name = "周二", phone = "13900004444" } },
            team = new[] { new { userName = "judge", duty = "Judge" }, new { userName = "mediator", duty = "Mediator" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    List<(string Name, TeamDuty Duty)> Team(Guid id) =>
        app.WithDb(db => db.MediationTeam.Where(t => t.CaseId == id).OrderBy(t => t.DisplayName).Select(t => new { t.DisplayName, t.Duty }).ToList())
            .Select(t => (t.DisplayName, t.Duty)).ToList();

    [Fact]
    public async Task Staff_add_a_volunteer_who_then_sees_the_case_bad_input_changes_nothing_and_the_last_mediator_stays()
    {
        var id = await OpenCaseAsync();
        var staff = await app.ApiAs("staff");
        var before = Team(id);

        var bad = await staff.PostAsJsonAsync($"{Cases}/{id}/team", new { userName = "nobody", duty = "Volunteer" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("未找到账号“nobody”。", await bad.Content.ReadAsStringAsync());
        var twice = await staff.PostAsJsonAsync($"{Cases}/{id}/team", new { userName = "judge", duty = "Volunteer" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("已在调解团队中。", await twice.Content.ReadAsStringAsync());
        Assert.Contains("请填写账号（登录名）。", await (await staff.PostAsJsonAsync($"{Cases}/{id}/team", new { userName = " ", duty = "Volunteer" })).Content.ReadAsStringAsync());
        Assert.Equal(before, Team(id));

        var member = await app.ApiAs("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{Cases}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"{Cases}/{id}/team", new { userName = "member", duty = "Volunteer" })).StatusCode);
        var seen = await member.GetFromJsonAsync<JsonElement>($"{Cases}/{id}");
        Assert.Equal("孙一", seen.GetProperty("parties")[0].GetProperty("name").GetString());

        var team = await staff.GetFromJsonAsync<JsonElement>($"{Cases}/{id}/team");
        var mediator = team.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("duty").GetString() == "Mediator").GetProperty("id").GetGuid();
        var last = await staff.DeleteAsync($"{Cases}/{id}/team/{mediator}");
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("调解团队至少要有一名社区调解员", await last.Content.ReadAsStringAsync());
        Assert.Contains(Team(id), t => t.Duty == TeamDuty.Mediator);
    }

    [Fact]
    public async Task The_team_may_not_edit_it_and_other_communities_and_the_street_do_not_find_it()
    {
        var id = await OpenCaseAsync();
        var before = Team(id);
        var judge = await app.ApiAs("judge");
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostAsJsonAsync($"{Cases}/{id}/team", new { userName = "member", duty = "Volunteer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"{Cases}/{id}/team")).StatusCode);
        foreach (var who in new[] { "secretary2", "street", "grid" })
        {
            var api = await app.ApiAs(who);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Cases}/{id}/team")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"{Cases}/{id}/team", new { userName = "member", duty = "Volunteer" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/mediation/cases/{id}/team")).StatusCode);
        Assert.Equal(before, Team(id));
    }

    [Fact]
    public async Task The_page_removes_a_member_who_then_loses_the_case_and_the_removal_is_audited()
    {
        var id = await OpenCaseAsync();
        var page = await app.PagesAs("secretary");
        var url = $"/mediation/cases/{id}/team";
        Assert.Equal(HttpStatusCode.Redirect, (await LianxinApp.PostFormAsync(page, $"{url}?handler=Add", new() { ["Input.UserName"] = "member", ["Input.Duty"] = "Volunteer" }, url)).StatusCode);
        var html = await page.GetStringAsync(url);
        Assert.Contains("data-confirm=\"确定要将党员 李建华移出调解团队吗？", html);

        var bad = await LianxinApp.PostFormAsync(page, $"{url}?handler=Add", new() { ["Input.UserName"] = "", ["Input.Duty"] = "Judge" }, url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请填写账号（登录名）。", await bad.Content.ReadAsStringAsync());

        var volunteer = app.WithDb(db => db.MediationTeam.Single(t => t.CaseId == id && t.Duty == TeamDuty.Volunteer));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("member")).GetAsync($"{Cases}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LianxinApp.PostFormAsync(page, $"{url}?handler=Remove&memberId={volunteer.Id}", new(), url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("member")).GetAsync($"{Cases}/{id}")).StatusCode);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == volunteer.Id.ToString() && a.Action == AuditAction.Delete && a.UserName == "secretary")));
    }
}
