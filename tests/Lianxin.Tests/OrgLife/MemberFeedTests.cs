using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.OrgLife.Domain;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class MemberFeedTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_members_private_feed_holds_their_branchs_meetings_while_on_its_roster_and_their_trainings_and_a_reset_revokes_the_old_url()
    {
        var before = app.NewBranch("原支部");
        var branch = app.NewBranch("订阅支部");
        var other = app.NewBranch("别的支部");
        var joined = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-60);
        var (me, account) = app.MemberWithAccount(before, "订阅党员", new DateOnly(2020, 1, 1));
        app.WithDb(db =>
        {
            // Moved from the first branch to the second 60 days ago: the first branch's later meetings are not theirs.
            var m = db.Set<Lianxin.Web.Modules.Members.Domain.Member>().Single(x => x.Id == me.Id);
            m.BranchId = branch.Id;
            m.OrgPath = branch.Path;
            db.Set<Lianxin.Web.Modules.Members.Domain.MemberTransfer>().Add(new() { MemberId = m.Id, OrgPath = branch.Path, Kind = Lianxin.Web.Modules.Members.Domain.TransferKind.Internal,
                FromBranchId = before.Id, FromPath = before.Path, ToBranchId = branch.Id, ToPath = branch.Path, On = joined, RecordedAt = DateTime.UtcNow, RecordedBy = "test" });
            return db.SaveChanges();
        });
        var oldMeeting = app.WithDb(db => db.Meeting(before, MeetingKind.PartyDay, joined.AddDays(-10)));
        var afterMoving = app.WithDb(db => db.Meeting(before, MeetingKind.PartyDay, joined.AddDays(10)));
        var foreign = app.WithDb(db => db.Meeting(other, MeetingKind.PartyDay, joined.AddDays(10)));
        var secretary = await app.ApiAs("secretary");
        var future = joined.AddDays(80).ToString("yyyy-MM-dd");
        var kept = (await Json(await secretary.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: future, topic: "学习会")))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/v1/orglife/meetings/{kept}", OrgLifeBuild.Input(branch.Id, date: future, topic: "学习会（改期）", start: "14:00:00", end: "15:00:00", version: 0))).StatusCode);
        var dropped = (await Json(await secretary.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: future, kind: "BranchCommittee", topic: "支委会", start: "19:00:00", end: "20:00:00")))).GetProperty("id").GetGuid();
        await secretary.PostAsJsonAsync($"/api/v1/orglife/meetings/{dropped}/cancel", new { reason = "书记外出" });
        var session = app.Session(app.Heping(), DateTime.UtcNow.AddDays(5));
        var notMine = app.Session(app.Heping(), DateTime.UtcNow.AddDays(6));
        app.WithDb(db => { db.Attend(session, app.WithDb(d => d.Set<Lianxin.Web.Modules.Members.Domain.Member>().Single(x => x.Id == me.Id)), signed: false); return 0; });

        var api = await app.ApiAs(account);
        Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>("/api/v1/orglife/me/feed")).GetProperty("url").ValueKind);
        var url = (await Json(await api.PostAsync("/api/v1/orglife/me/feed", null))).GetProperty("url").GetString()!;
        Assert.StartsWith("/orglife/feeds/member/", url);

        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var cal = FeedTests.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("订阅党员的组织生活", cal.GetProperty("name").GetString());
        var events = cal.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
        Assert.Equal(new[] { oldMeeting.Id, kept, dropped, session.Id }.Select(i => $"{i}@lianxin").Order(), events.Keys.Order());
        Assert.DoesNotContain($"{afterMoving.Id}@lianxin", events.Keys);
        Assert.DoesNotContain($"{foreign.Id}@lianxin", events.Keys);
        Assert.DoesNotContain($"{notMine.Id}@lianxin", events.Keys);
        var k = events[$"{kept}@lianxin"];
        Assert.Equal((1, "CONFIRMED", "【主题党日】学习会（改期）"), (k.GetProperty("sequence").GetInt32(), k.GetProperty("status").GetString(), k.GetProperty("summary").GetString()));
        Assert.Equal($"{future}T06:00:00+00:00", k.GetProperty("start").GetString()); // 14:00 in Beijing
        Assert.Equal("CANCELLED", events[$"{dropped}@lianxin"].GetProperty("status").GetString());
        Assert.StartsWith("【集中授课】", events[$"{session.Id}@lianxin"].GetProperty("summary").GetString());

        // The same UID in the branch's own feed: a calendar subscribed to both shows the meeting once.
        var branchFeed = (await Json(await secretary.PostAsync($"/api/v1/orglife/feeds/{branch.Id}", null))).GetProperty("url").GetString()!;
        Assert.Contains($"{kept}@lianxin", FeedTests.Parse(await anonymous.GetStringAsync(branchFeed)).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()));

        var renewed = (await Json(await api.PostAsync("/api/v1/orglife/me/feed", null))).GetProperty("url").GetString()!;
        Assert.NotEqual(url, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(4, FeedTests.Parse(await anonymous.GetStringAsync(renewed)).GetProperty("events").GetArrayLength());
        Assert.Equal(renewed, (await api.GetFromJsonAsync<JsonElement>("/api/v1/orglife/me/feed")).GetProperty("url").GetString());
        // An account without a member record has no feed.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("staff")).PostAsync("/api/v1/orglife/me/feed", null)).StatusCode);
    }
}
