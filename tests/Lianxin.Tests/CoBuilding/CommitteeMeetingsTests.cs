using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Events;

namespace Lianxin.Tests.CoBuilding;

[Collection(AppCollection.Name)]
public class CommitteeMeetingsTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == shortName));
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A community with a 大党委 of two seats of its own (a fresh one: its quarters are exactly what the test records).</summary>
    (OrgUnit Community, CommitteeSeat A, CommitteeSeat B) Committee() => app.WithDb(db =>
    {
        var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
        var a = db.PartnerUnit(heping, "例会单位甲");
        var b = db.PartnerUnit(heping, "例会单位乙");
        CommitteeSeat Seat(PartnerUnit p, string person) => new()
        {
            TenantId = heping.TenantId, CommitteeUnitId = heping.Id, OrgPath = heping.Path, PartnerUnitId = p.Id, PersonName = person, Post = "兼职委员",
            TermFrom = new DateOnly(2019, 1, 1),
        };
        var (sa, sb) = (Seat(a, "甲委员"), Seat(b, "乙委员"));
        db.CommitteeSeats.AddRange(sa, sb);
        db.SaveChanges();
        return (heping, sa, sb);
    });

    [Fact]
    public async Task Attendance_is_taken_only_for_seats_of_that_committee_and_an_absence_needs_a_reason()
    {
        var (heping, a, b) = Committee();
        var street = Unit("东湖街道党工委");
        var streetSeat = app.WithDb(db => db.CommitteeSeats.First(s => s.CommitteeUnitId == street.Id));
        var api = await app.ApiAs("secretary");
        var url = $"/api/v1/cobuilding/committees/{heping.Id}/meetings";
        var place = "会议室" + Guid.NewGuid().ToString("N")[..6];

        var foreign = await api.PostAsJsonAsync(url, new
        {
            heldOn = "2025-03-20", place, agenda = "审议需求清单",
            attendance = new object[] { new { seatId = a.Id, present = true }, new { seatId = streetSeat.Id, present = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("只能登记本委员会在会议当天在任的兼职委员席位的出席情况。", await foreign.Content.ReadAsStringAsync());

        var noReason = await api.PostAsJsonAsync(url, new
        {
            heldOn = "2025-03-20", place, agenda = "",
            attendance = new object[] { new { seatId = a.Id, present = true }, new { seatId = b.Id, present = false } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var body = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("缺席须写明原因。", body);
        Assert.Contains("请填写至少一项议程。", body);
        Assert.Equal(0, app.WithDb(db => db.CommitteeMeetings.Count(m => m.Place == place)));

        var unknownProject = await api.PostAsJsonAsync(url, new
        {
            heldOn = "2025-03-20", place, agenda = "审议需求清单",
            decisions = new object[] { new { text = "增设充电桩", projectId = Guid.NewGuid() } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownProject.StatusCode);
        Assert.Contains("所选共建项目不存在或不在您的管理范围内。", await unknownProject.Content.ReadAsStringAsync());
        var project = app.WithDb(db =>
        {
            var p = new CoProject
            {
                TenantId = heping.TenantId, UnitId = heping.Id, OrgPath = heping.Path, Title = "充电桩共建", Goal = "增设充电桩",
                StartOn = new(2025, 3, 1), EndOn = new(2025, 6, 30), Status = ProjectStatus.Running, CreatedAt = DateTime.UtcNow,
            };
            db.CoProjects.Add(p);
            db.SaveChanges();
            return p;
        });

        var ok = await api.PostAsJsonAsync(url, new
        {
            heldOn = "2025-03-20", place, agenda = "审议需求清单\n研究停车难", minutes = "会议纪要",
            attendance = new object[] { new { seatId = a.Id, present = true }, new { seatId = b.Id, present = false, absenceReason = "外出培训", substitute = "乙副手" } },
            decisions = new object[] { new { text = "增设充电桩", projectId = project.Id } },
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/meetings/{(await Json(ok)).GetProperty("id").GetGuid()}");
        Assert.Equal(2, detail.GetProperty("agenda").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("presentCount").GetInt32());
        var absent = detail.GetProperty("attendance").EnumerateArray().Single(x => !x.GetProperty("present").GetBoolean());
        Assert.Equal(("乙委员", "外出培训", "乙副手"), (absent.GetProperty("personName").GetString(), absent.GetProperty("absenceReason").GetString(), absent.GetProperty("substitute").GetString()));
        Assert.Equal(project.Id, detail.GetProperty("decisions")[0].GetProperty("projectId").GetGuid());
    }

    [Fact]
    public async Task A_quarter_without_a_meeting_shows_as_missed_and_the_demo_street_met_every_quarter_of_2026()
    {
        var (heping, a, _) = Committee();
        var api = await app.ApiAs("secretary");
        // 2019: long closed; only the second quarter held a meeting.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/cobuilding/committees/{heping.Id}/meetings", new
        {
            heldOn = "2019-05-10", place = "社区会议室", agenda = "季度例会", attendance = new object[] { new { seatId = a.Id, present = true } },
        })).StatusCode);
        var year = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/committees/{heping.Id}/meetings?year=2019");
        Assert.Equal([1, 3, 4], year.GetProperty("missedQuarters").EnumerateArray().Select(q => q.GetInt32()));
        var html = await (await app.PagesAs("secretary")).GetStringAsync($"/cobuilding/committees/{heping.Id}/meetings?year=2019");
        Assert.Contains("欠开", html);

        var street = Unit("东湖街道党工委");
        var demo = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/committees/{street.Id}/meetings?year=2026");
        Assert.Equal(4, demo.GetProperty("meetings").GetArrayLength());
        Assert.Empty(demo.GetProperty("missedQuarters").EnumerateArray());
        Assert.Equal(8, demo.GetProperty("meetings")[0].GetProperty("seats").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/cobuilding/committees/{heping.Id}/meetings?year=1999")).StatusCode);
    }

    [Fact]
    public async Task A_decision_becomes_a_draft_pledge_through_the_event_once()
    {
        var (heping, a, _) = Committee();
        var api = await app.ApiAs("secretary");
        var text = "为老旧小区增设充电桩" + Guid.NewGuid().ToString("N")[..6];
        var meeting = await Json(await api.PostAsJsonAsync($"/api/v1/cobuilding/committees/{heping.Id}/meetings", new
        {
            heldOn = "2026-03-20", place = "社区会议室", agenda = "季度例会", attendance = new object[] { new { seatId = a.Id, present = true } },
            decisions = new object[] { new { text } },
        }));
        var decisionId = app.WithDb(db => db.CommitteeDecisions.Single(d => d.MeetingId == meeting.GetProperty("id").GetGuid()).Id);
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90));

        var bad = await api.PostAsJsonAsync($"/api/v1/cobuilding/decisions/{decisionId}/pledge", new { responsiblePerson = "", dueOn = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写责任人。", body);
        Assert.Contains("完成时限不能早于今天。", body);
        Assert.Null(app.WithDb(db => db.CommitteeDecisions.Single(d => d.Id == decisionId).PledgedAt));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync($"/api/v1/cobuilding/decisions/{decisionId}/pledge",
            new { responsiblePerson = "王书记", dueOn = due })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/cobuilding/decisions/{decisionId}/pledge", new { responsiblePerson = "王书记", dueOn = due })).StatusCode);
        var again = await api.PostAsJsonAsync($"/api/v1/cobuilding/decisions/{decisionId}/pledge", new { responsiblePerson = "王书记", dueOn = due });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await app.RunJobAsync<EventDispatchJob>();
        var pledge = app.WithDb(db => db.Pledges.Single(p => p.Title.Contains(text)));
        Assert.Equal((PledgeState.Draft, "王书记", due, heping.Id), (pledge.State, pledge.ResponsiblePerson, pledge.DueOn, pledge.OrgUnitId));
        Assert.StartsWith("和平社区大党委：", pledge.Title);
        await app.RunJobAsync<EventDispatchJob>();
        Assert.Equal(1, app.WithDb(db => db.Pledges.Count(p => p.Title.Contains(text))));
    }

    [Fact]
    public async Task The_neighbour_community_does_not_see_the_meetings_and_the_meeting_pages_record_one()
    {
        var (heping, a, b) = Committee();
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/cobuilding/committees/{heping.Id}/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/cobuilding/committees/{heping.Id}/meetings",
            new { heldOn = "2026-01-05", place = "x", agenda = "x" })).StatusCode);

        var pages = await app.PagesAs("secretary");
        var url = $"/cobuilding/committees/{heping.Id}/meetings/new";
        var form = await pages.GetStringAsync(url);
        var seats = System.Text.RegularExpressions.Regex.Matches(form, "name=\"Input.Attendance\\[(\\d+)\\].SeatId\" value=\"([^\"]+)\"")
            .ToDictionary(m => Guid.Parse(m.Groups[2].Value), m => m.Groups[1].Value);
        var place = "页面例会" + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string> { ["Input.HeldOn"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), ["Input.Place"] = place, ["Input.Agenda"] = "议程一\n议程二", ["Decisions"] = "决定一\n决定二" };
        foreach (var (seat, i) in seats) { fields[$"Input.Attendance[{i}].SeatId"] = seat.ToString(); fields[$"Input.Attendance[{i}].Present"] = seat == b.Id ? "false" : "true"; }
        fields[$"Input.Attendance[{seats[b.Id]}].AbsenceReason"] = "出差";
        var saved = await LianxinApp.PostFormAsync(pages, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var meeting = app.WithDb(db => db.CommitteeMeetings.Single(m => m.Place == place));
        Assert.Equal(2, app.WithDb(db => db.CommitteeDecisions.Count(d => d.MeetingId == meeting.Id)));
        Assert.Equal(seats.Count, app.WithDb(db => db.CommitteeAttendance.Count(x => x.MeetingId == meeting.Id)));
        Assert.Contains("出差", await pages.GetStringAsync($"/cobuilding/meetings/{meeting.Id}"));
    }
}
