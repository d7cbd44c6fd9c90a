using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features.Plans;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.OrgLife;

/// <summary>The yearly plan: a draft from the rules, edited by the branch; reminders before each meeting and when one is overdue, each sent once.</summary>
[Collection(AppCollection.Name)]
public class PlanTests(LianxinApp app)
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    async Task<T> AsSystem<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public void The_draft_has_each_rules_minimum_per_period_on_the_fixed_day()
    {
        var draft = PlanDraft.Generate(RuleBook.Defaults(), BranchKind.Grid, 2027, 15);
        var byKind = draft.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Select(x => x.On).ToList());
        Assert.Equal(12, byKind[MeetingKind.PartyDay].Count);
        Assert.All(byKind[MeetingKind.PartyDay], d => Assert.Equal(15, d.Day));
        Assert.Equal([D("2027-03-15"), D("2027-06-15"), D("2027-09-15"), D("2027-12-15")], byKind[MeetingKind.BranchAssembly]);
        Assert.Equal(4, byKind[MeetingKind.PartyLecture].Count);
        Assert.Equal(D("2027-01-08"), byKind[MeetingKind.BranchCommittee][0]);
        Assert.Equal(D("2027-01-22"), byKind[MeetingKind.GroupMeeting][0]);
        Assert.Equal([D("2027-12-20")], byKind[MeetingKind.LifeMeeting]);
        Assert.Equal([D("2027-12-25")], byKind[MeetingKind.MemberAppraisal]);
        Assert.Equal(12 + 12 + 12 + 4 + 4 + 1 + 1, draft.Count);

        // Two a quarter are spread over the quarter's months.
        var twice = PlanDraft.Generate([new MeetingRule { UnitKind = BranchKind.Grid, Kind = MeetingKind.PartyLecture, PeriodMonths = 3, MinCount = 2 }], BranchKind.Grid, 2027, 10);
        Assert.Equal([1, 2, 4, 5, 7, 8, 10, 11], twice.Select(d => d.On.Month).ToList());
    }

    [Fact]
    public async Task A_branch_generates_its_plan_edits_it_and_bad_input_or_a_stale_version_changes_nothing()
    {
        var branch = app.NewBranch();
        var secretary = await app.ApiAs("secretary");
        var year = TimeProvider.System.Today().Year + 1;
        var created = await secretary.PostAsJsonAsync("/api/v1/orglife/plans", new { branchId = branch.Id, year, partyDayOfMonth = 10, remindDaysAhead = 5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync("/api/v1/orglife/plans", new { branchId = branch.Id, year })).StatusCode);

        var plan = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/plans/{id}");
        var meetings = plan.GetProperty("meetings").EnumerateArray().ToList();
        Assert.Equal(46, meetings.Count);
        var version = plan.GetProperty("version").GetInt32();
        // Keep the party days only, move January's and give it a topic.
        var kept = meetings.Where(m => m.GetProperty("kind").GetString() == "PartyDay")
            .Select(m => new { id = m.GetProperty("id").GetGuid(), kind = "PartyDay", plannedOn = m.GetProperty("plannedOn").GetString(), topic = (string?)null }).ToList();
        kept[0] = kept[0] with { plannedOn = $"{year}-01-12", topic = "重温入党誓词" };

        var bad = await secretary.PutAsJsonAsync($"/api/v1/orglife/plans/{id}", new { version, remindDaysAhead = 0, meetings = kept });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("提前提醒天数须在 1–30 天之间。", await bad.Content.ReadAsStringAsync());
        var otherYear = await secretary.PutAsJsonAsync($"/api/v1/orglife/plans/{id}", new { version, remindDaysAhead = 3, meetings = new[] { new { id = (Guid?)null, kind = "PartyDay", plannedOn = $"{year + 1}-01-01" } } });
        Assert.Equal(HttpStatusCode.BadRequest, otherYear.StatusCode);
        Assert.Contains($"计划日期须在 {year} 年内。", await otherYear.Content.ReadAsStringAsync());
        Assert.Equal(46, (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/plans/{id}")).GetProperty("meetings").GetArrayLength());

        var saved = await secretary.PutAsJsonAsync($"/api/v1/orglife/plans/{id}", new { version, remindDaysAhead = 3, meetings = kept });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutAsJsonAsync($"/api/v1/orglife/plans/{id}", new { version, remindDaysAhead = 3, meetings = kept })).StatusCode);
        var after = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/plans/{id}");
        Assert.Equal(3, after.GetProperty("remindDaysAhead").GetInt32());
        var first = after.GetProperty("meetings")[0];
        Assert.Equal(12, after.GetProperty("meetings").GetArrayLength());
        Assert.Equal(($"{year}-01-12", "重温入党誓词"), (first.GetProperty("plannedOn").GetString(), first.GetProperty("topic").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/orglife/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync("/api/v1/orglife/plans", new { branchId = branch.Id, year })).StatusCode);
    }

    [Fact]
    public async Task Reminders_go_out_before_each_planned_meeting_and_when_one_is_overdue_once_each()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero));
        var branch = app.NewBranch();
        var plan = await AsSystem(sp => GeneratePlan.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), clock,
            new GeneratePlanInput { BranchId = branch.Id, Year = 2027, PartyDayOfMonth = 15, RemindDaysAhead = 3 }, default));
        var link = $"/orglife/plans/{plan.Value!.Id}";
        List<Notification> Notices() => app.WithDb(db => db.Notifications.Where(n => n.Link == link).OrderBy(n => n.CreatedAt).ToList());
        async Task RunOn(string day)
        {
            clock.SetUtcNow(new DateTimeOffset(DateTime.Parse(day + "T01:00:00"), TimeSpan.Zero));
            for (var i = 0; i < 2; i++) await AsSystem(sp => new PlanReminderJob(sp.GetRequiredService<LianxinDb>(), clock).RunOnceAsync(Guid.Empty, default));
        }

        await RunOn("2027-01-04");
        Assert.Empty(Notices());
        await RunOn("2027-01-05"); // 支部委员会 on the 8th: three days ahead
        await RunOn("2027-01-10"); // it was not held: overdue once; 主题党日 on the 15th is still five days off
        Assert.Equal(["组织生活提醒：支部委员会", "组织生活逾期：支部委员会"], Notices().Select(n => n.Title).ToList());
        var overdue = Notices()[1];
        Assert.Equal((branch.Id, "orglife.plan-reminders"), (overdue.RecipientUnitId!.Value, overdue.Source));
        Assert.Contains("计划于 2027-01-08 召开的支部委员会已过期，尚未登记会议记录", overdue.Body);

        app.WithDb(db => db.Meeting(branch, MeetingKind.PartyDay, D("2027-01-13")));
        await RunOn("2027-01-12"); // held early: no reminder for the 15th
        await RunOn("2027-01-16"); // and not overdue either
        Assert.Equal(2, Notices().Count);
        await RunOn("2027-01-19"); // 党小组会 on the 22nd
        await RunOn("2027-01-23");
        Assert.Equal(["组织生活提醒：支部委员会", "组织生活逾期：支部委员会", "组织生活提醒：党小组会", "组织生活逾期：党小组会"], Notices().Select(n => n.Title).ToList());

        // The host runs the job on its own clock without failing.
        await app.RunJobAsync<PlanReminderJob>();
    }
}
