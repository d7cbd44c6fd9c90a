using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.OrgLife;

/// <summary>A member working away takes part in the org life of their mobile-member branch: its meetings count them, their own branch's do not.</summary>
[Collection(AppCollection.Name)]
public class MobileAttendanceTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Attendance_of_a_member_away_counts_at_the_mobile_branch_and_at_home_again_once_back()
    {
        var home = app.NewBranch("流出支部");
        var mobile = app.NewBranch("流动党员党支部");
        var away = app.Joined(home, "外出党员甲", new DateOnly(2010, 7, 1));
        app.Joined(home, "在家党员乙", new DateOnly(2010, 7, 1));
        var api = await app.ApiAs("secretary");
        var span = await Json(await api.PostAsJsonAsync($"/api/v1/members/{away.Id}/mobile",
            new { city = "广东省深圳市", mobileBranchId = mobile.Id, onlineMeetings = true, startedOn = "2026-02-01" }));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/members/mobile/{span.GetProperty("id").GetGuid()}/end",
            new { endedOn = "2026-05-01", reason = "返乡", version = span.GetProperty("version").GetInt32() })).StatusCode);

        async Task<Guid> Meeting(Guid branchId, string date) =>
            (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branchId, date: date)))).GetProperty("id").GetGuid();
        async Task<string[]> Sheet(Guid meetingId) => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{meetingId}/attendance"))
            .GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToArray();
        var homeWhileAway = await Meeting(home.Id, "2026-03-10");
        var mobileWhileAway = await Meeting(mobile.Id, "2026-03-10");
        var homeOnReturn = await Meeting(home.Id, "2026-05-01");

        Assert.Equal(["在家党员乙"], await Sheet(homeWhileAway));
        Assert.Equal(["外出党员甲"], await Sheet(mobileWhileAway));
        Assert.Equal(new[] { "在家党员乙", "外出党员甲" }.Order(StringComparer.Ordinal), (await Sheet(homeOnReturn)).Order(StringComparer.Ordinal));

        var refused = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{homeWhileAway}/attendance", new { entries = new[] { new { memberId = away.Id, state = "Present" } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("外出党员甲 2026-03-10 外出流动，组织生活计入其流动党员党支部，不能在本支部登记出席。", await refused.Content.ReadAsStringAsync());
        var taken = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{mobileWhileAway}/attendance", new { entries = new[] { new { memberId = away.Id, state = "Present" } } });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(1, (await Json(taken)).GetProperty("attended").GetInt32());

        // The contract says where a member's org life counts on a day.
        var (during, after, before) = app.WithScope(sp =>
        {
            var members = sp.GetRequiredService<MemberDirectory>();
            return (members.OrgLifeBranchOnAsync(away.Id, new DateOnly(2026, 3, 10), default).GetAwaiter().GetResult(),
                members.OrgLifeBranchOnAsync(away.Id, new DateOnly(2026, 5, 1), default).GetAwaiter().GetResult(),
                members.OrgLifeBranchOnAsync(away.Id, new DateOnly(2009, 1, 1), default).GetAwaiter().GetResult());
        });
        Assert.Equal(new OrgLifeBranch(mobile.Id, mobile.Path, true), during);
        Assert.Equal(new OrgLifeBranch(home.Id, home.Path, false), after);
        Assert.Null(before);
    }
}
