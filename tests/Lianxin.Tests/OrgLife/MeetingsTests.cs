using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class MeetingsTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_secretary_records_a_party_day_and_bad_input_is_refused_in_Chinese_without_saving()
    {
        var branch = app.NewBranch();
        var api = await app.ApiAs("secretary");

        var bad = await api.PostAsJsonAsync("/api/v1/orglife/meetings", new
        {
            branchId = branch.Id, kind = "PartyDay", mode = "OnSite", date = (string?)null, startTime = "10:00:00", endTime = "09:00:00", place = "", host = "王书记", topic = "",
            partyDayItems = new[] { "打扫卫生" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写会议日期。", body);
        Assert.Contains("结束时间须晚于开始时间。", body);
        Assert.Contains("请填写会议地点。", body);
        Assert.Contains("请填写会议主题。", body);
        Assert.Contains("请从区里规定的主题党日规定动作中勾选。", body);
        var tooEarly = await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: "1999-12-31"));
        Assert.Contains("会议日期须在 2000 年以后、一年以内。", await tooEarly.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Meetings.Count(m => m.BranchId == branch.Id)));

        var created = await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{id}");
        Assert.Equal("主题党日", detail.GetProperty("kindName").GetString());
        Assert.Equal("09:00:00", detail.GetProperty("startTime").GetString());
        Assert.Equal(["重温入党誓词", "交纳党费"], detail.GetProperty("partyDayItems").EnumerateArray().Select(x => x.GetString()));
        Assert.False(detail.GetProperty("lateEntry").GetBoolean());
        var stored = app.WithDb(db => db.Meetings.Single(m => m.Id == id));
        Assert.Equal(stored.HeldOn.ToDateTime(new TimeOnly(1, 0)), stored.StartsAt); // 09:00 in Beijing is 01:00 UTC
    }

    [Fact]
    public async Task Another_communitys_secretary_neither_records_for_nor_sees_a_branch_outside_their_scope()
    {
        var branch = app.NewBranch();
        var meeting = app.WithDb(db => db.Meeting(branch, MeetingKind.BranchCommittee, new DateOnly(2026, 3, 3)));
        var api = await app.ApiAs("secretary2");

        var refused = await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("未找到该支部，或它不在您的管辖范围内。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/orglife/meetings/{meeting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{meeting.Id}/attendance", new { entries = Array.Empty<object>() })).StatusCode);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings?branchId={branch.Id}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/orglife/meetings")).StatusCode);
    }

    [Fact]
    public async Task A_meeting_overlapping_another_of_the_same_branch_is_saved_with_a_warning()
    {
        var branch = app.NewBranch();
        var api = await app.ApiAs("secretary");
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(5).ToString("yyyy-MM-dd");
        var first = await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: date, kind: "BranchCommittee", topic: "支委会"));
        Assert.Empty((await Json(first)).GetProperty("warnings").EnumerateArray());

        var second = await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: date, start: "10:00:00", end: "11:00:00", topic: "主题党日"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var warning = Assert.Single((await Json(second)).GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Equal($"与本支部的支部委员会“支委会”（{date} 09:00–10:30）时间重叠，请确认。", warning);
        var after = await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: date, start: "11:00:00", end: "12:00:00"));
        Assert.Empty((await Json(after)).GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Attendance_is_checked_against_the_branchs_roster_on_the_day_of_the_meeting()
    {
        var branch = app.NewBranch();
        var other = app.NewBranch("别的支部");
        var veteran = app.Joined(branch, "张老党员", new DateOnly(2010, 7, 1));
        var newcomer = app.Joined(branch, "李新党员", new DateOnly(2026, 6, 1));
        var stranger = app.Joined(other, "赵外支部", new DateOnly(2010, 7, 1));
        var api = await app.ApiAs("secretary");
        var id = (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: "2026-03-10")))).GetProperty("id").GetGuid();

        var sheet = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{id}/attendance");
        Assert.Equal(["张老党员"], sheet.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var refused = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}/attendance", new
        {
            entries = new object[] { new { memberId = veteran.Id, state = "Present" }, new { memberId = newcomer.Id, state = "Late" }, new { memberId = stranger.Id, state = "Leave" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("李新党员不是本支部 2026-03-10 的在册党员，不能登记出席。", body);
        Assert.Contains("赵外支部不是本支部 2026-03-10 的在册党员，不能登记出席。", body);
        Assert.Equal(0, app.WithDb(db => db.MeetingAttendance.Count(a => a.MeetingId == id)));

        var ok = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}/attendance", new { entries = new[] { new { memberId = veteran.Id, state = "Leave" } } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(0, (await Json(ok)).GetProperty("attended").GetInt32());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{id}");
        Assert.Equal("请假", detail.GetProperty("attendance")[0].GetProperty("stateName").GetString());

        // In July the newcomer is on the roster: moving the meeting there keeps the attendance; moving it before 2010 would not.
        var version = detail.GetProperty("version").GetInt32();
        var tooEarly = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}", OrgLifeBuild.Input(branch.Id, date: "2009-03-10", version: version));
        Assert.Contains("张老党员在 2009-03-10 不是本支部的在册党员，请先修改出席登记再改期。", await tooEarly.Content.ReadAsStringAsync());
        var moved = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}", OrgLifeBuild.Input(branch.Id, date: "2026-07-10", version: version));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var both = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}/attendance", new
        {
            entries = new[] { new { memberId = veteran.Id, state = "Present" }, new { memberId = newcomer.Id, state = "Late" } },
        });
        Assert.Equal(2, (await Json(both)).GetProperty("attended").GetInt32());
        var stale = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}", OrgLifeBuild.Input(branch.Id, date: "2026-07-11", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var planned = (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id,
            date: DateTime.UtcNow.AddHours(8).AddDays(20).ToString("yyyy-MM-dd"))))).GetProperty("id").GetGuid();
        var early = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{planned}/attendance", new { entries = new[] { new { memberId = veteran.Id, state = "Present" } } });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("会议尚未召开，不能登记出席。", await early.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_cancelled_meeting_is_kept_with_its_reason_and_can_no_longer_be_edited()
    {
        var branch = app.NewBranch();
        var api = await app.ApiAs("secretary");
        var id = (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id)))).GetProperty("id").GetGuid();

        var noReason = await api.PostAsJsonAsync($"/api/v1/orglife/meetings/{id}/cancel", new { reason = " " });
        Assert.Contains("请填写取消原因。", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/orglife/meetings/{id}/cancel", new { reason = "暴雨红色预警" })).StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings?branchId={branch.Id}");
        Assert.Equal("Cancelled", list.GetProperty("items")[0].GetProperty("status").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/meetings/{id}");
        Assert.Equal("暴雨红色预警", detail.GetProperty("cancelReason").GetString());
        var edit = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{id}", OrgLifeBuild.Input(branch.Id, version: detail.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("该会议已取消，不能再修改。", await edit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_entry_made_after_the_window_is_a_late_entry_that_counts_once_the_street_approves_it()
    {
        var branch = app.NewBranch();
        var api = await app.ApiAs("secretary");
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-20);
        var created = await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings",
            OrgLifeBuild.Input(branch.Id, kind: "BranchCommittee", date: day.ToString("yyyy-MM-dd"))));
        var id = created.GetProperty("id").GetGuid();
        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("本条为补录记录，须经街道审核"));

        async Task<JsonElement> Arrears() => (await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>(
            $"/api/v1/orglife/arrears?unitId={branch.Id}&from={day:yyyy-MM-01}&to={day.AddDays(-day.Day + 1).AddMonths(1).AddDays(-1):yyyy-MM-dd}")).GetProperty("branches")[0];
        var before = await Arrears();
        Assert.Equal(1, before.GetProperty("lateUnapproved").GetInt32());
        Assert.Contains(before.GetProperty("arrears").EnumerateArray(), a => a.GetProperty("kind").GetString() == "BranchCommittee");

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/orglife/meetings/{id}/approve-late", null)).StatusCode);
        var street = await app.ApiAs("street");
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsync($"/api/v1/orglife/meetings/{id}/approve-late", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsync($"/api/v1/orglife/meetings/{id}/approve-late", null)).StatusCode);
        var after = await Arrears();
        Assert.Equal(0, after.GetProperty("lateUnapproved").GetInt32());
        Assert.DoesNotContain(after.GetProperty("arrears").EnumerateArray(), a => a.GetProperty("kind").GetString() == "BranchCommittee");
        Assert.Equal("street", app.WithDb(db => db.Meetings.Single(m => m.Id == id).LateApprovedBy));

        // A plan moved back past the window is a late entry too.
        var plan = (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, kind: "PartyLecture", date: day.AddDays(25).ToString("yyyy-MM-dd"))))).GetProperty("id").GetGuid();
        Assert.False(app.WithDb(db => db.Meetings.Single(m => m.Id == plan).LateEntry));
        var moved = await Json(await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{plan}", OrgLifeBuild.Input(branch.Id, kind: "PartyLecture", date: day.ToString("yyyy-MM-dd"), version: 0)));
        Assert.Contains(moved.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("本条为补录记录"));
        Assert.True(app.WithDb(db => db.Meetings.Single(m => m.Id == plan).LateEntry));
    }
}
