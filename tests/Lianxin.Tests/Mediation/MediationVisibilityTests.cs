using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Organizations.Data;

namespace Lianxin.Tests.Mediation;

[Collection(AppCollection.Name)]
public class MediationVisibilityTests(LianxinApp app)
{
    [Fact]
    public async Task A_case_is_seen_only_by_its_team_and_its_communitys_staff_with_parties_whole_only_for_the_team()
    {
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
        var secretary = await app.ApiAs("secretary");
        var summary = "测试纠纷" + Guid.NewGuid().ToString("N")[..6];
        var bad = await secretary.PostAsJsonAsync("/api/v1/deliberation/mediation/cases", new
        {
            communityId = heping.Id, type = "Neighbour", summary, parties = new[] { new { side = "Applicant", name = "赵一", phone = "13800001111" } },
            team = new[] { new { userName = "nobody", duty = "Judge" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请至少填写一名申请人和一名被申请人。", body);
        Assert.Contains("调解团队至少要有一名社区调解员。", body);
        Assert.Contains("未找到账号“nobody”。", body);

        var created = await secretary.PostAsJsonAsync("/api/v1/deliberation/mediation/cases", new
        {
            communityId = heping.Id, type = "Neighbour", summary,
            parties = new[] { new { side = "Applicant", name = "赵一鸣", phone = "13800001111" }, new { side = "Respondent", name = "钱二", phone = "13900002222" } },
            team = new[] { new { userName = "judge", duty = "Judge" }, new { userName = "mediator", duty = "Mediator" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Stored encrypted: the names and phones are nowhere in the table in clear.
        Assert.DoesNotContain(app.WithDb(db => db.MediationParties.Where(p => p.CaseId == id).Select(p => p.NameCipher + p.PhoneCipher).ToList()), s => s.Contains("赵一鸣") || s.Contains("13800001111"));

        foreach (var who in new[] { "judge", "mediator" })
        {
            var c = await (await app.ApiAs(who)).GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/mediation/cases/{id}");
            Assert.Equal("赵一鸣", c.GetProperty("parties")[0].GetProperty("name").GetString());
            Assert.Equal("13800001111", c.GetProperty("parties")[0].GetProperty("phone").GetString());
        }
        var staffView = await (await app.ApiAs("staff")).GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/mediation/cases/{id}");
        Assert.Equal("赵**", staffView.GetProperty("parties")[0].GetProperty("name").GetString());
        Assert.Equal("138****1111", staffView.GetProperty("parties")[0].GetProperty("phone").GetString());

        foreach (var who in new[] { "street", "admin", "secretary2", "grid", "member", "resident" })
        {
            var api = await app.ApiAs(who);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/deliberation/mediation/cases/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/deliberation/mediation/cases/{id}/sessions", new { heldOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), place = "x", notes = "x" })).StatusCode);
            if ((await api.GetAsync("/api/v1/deliberation/mediation/cases")) is { StatusCode: HttpStatusCode.OK } list)
                Assert.DoesNotContain(id.ToString(), await list.Content.ReadAsStringAsync());
        }

        // The team records a session; the page of a stranger is a 404 too.
        var session = await (await app.ApiAs("mediator")).PostAsJsonAsync($"/api/v1/deliberation/mediation/cases/{id}/sessions",
            new { heldOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), place = "调解室", notes = "双方到场" });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(1, app.WithDb(db => db.MediationSessions.Count(s => s.CaseId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("street")).GetAsync($"/mediation/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAs("judge")).GetAsync($"/mediation/cases/{id}")).StatusCode);
    }
}
