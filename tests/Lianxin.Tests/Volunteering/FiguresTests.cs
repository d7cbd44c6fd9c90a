using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Volunteering;

[Collection(AppCollection.Name)]
public class FiguresTests(LianxinApp app)
{
    /// <summary>Two activities in a period no other test uses: one person twice (an account), one walk-in once, one sign-up without hours.</summary>
    (DateOnly Day, string Path) Arrange(DateTime start)
    {
        var heping = app.Heping();
        var first = app.Activity(start, capacity: 5);
        var second = app.Activity(start.AddDays(1), capacity: 5);
        var v = app.NewVolunteer("统计测试");
        var idle = app.NewVolunteer("只报名");
        var clock = new FakeTimeProvider(start.AddDays(-1));
        foreach (var a in new[] { first, second }) Assert.True(app.Run((db, _) => SignUp.HandleAsync(db, clock, a, v, default)).IsOk);
        Assert.True(app.Run((db, _) => SignUp.HandleAsync(db, clock, first, idle, default)).IsOk);
        clock.SetUtcNow(start.AddDays(2));
        var signups = app.WithDb(db => db.Signups.Where(s => (s.ActivityId == first || s.ActivityId == second) && s.UserId == v.UserId).Select(s => new { s.Id, s.Version }).ToList());
        foreach (var s in signups) Assert.True(app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, s.Id, new ConfirmHoursRequest { Minutes = 90, Version = s.Version }, default)).IsOk);
        var walkIn = app.Run((db, sp) => AddAttendee.HandleAsync(db, sp.GetRequiredService<MemberDirectory>(), clock, first, new AddAttendeeRequest { Name = "统计路人" }, default)).Value!;
        Assert.True(app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, walkIn.Id, new ConfirmHoursRequest { Minutes = 60, Version = walkIn.Version }, default)).IsOk);
        return (DateOnly.FromDateTime(Web.Platform.Time.ChinaTime.ToBeijing(start)), heping.Path);
    }

    [Fact]
    public void The_three_indicators_are_registered_with_Chinese_names_and_count_activities_hours_and_distinct_volunteers()
    {
        var (day, path) = Arrange(new DateTime(2031, 3, 10, 1, 0, 0, DateTimeKind.Utc));
        var (catalogue, values) = app.WithScope(sp =>
        {
            var catalog = sp.GetRequiredService<IndicatorCatalog>();
            return (catalog.All.Where(i => i.Module == "Volunteering").ToDictionary(i => i.Code),
                catalog.ReadAsync([VolunteeringIndicators.ActivitiesCode, VolunteeringIndicators.HoursCode, VolunteeringIndicators.VolunteersCode],
                    [path], day, day.AddDays(1), default).GetAwaiter().GetResult());
        });
        Assert.Equal(("志愿服务活动数", IndicatorUnit.Count), (catalogue["volunteering.activities"].Name, catalogue["volunteering.activities"].Unit));
        Assert.Equal(("志愿服务时长", IndicatorUnit.Hours), (catalogue["volunteering.hours"].Name, catalogue["volunteering.hours"].Unit));
        Assert.Equal(("参与志愿服务人数", IndicatorUnit.Count), (catalogue["volunteering.volunteers"].Name, catalogue["volunteering.volunteers"].Unit));
        Assert.Equal(2m, values[("volunteering.activities", path)].Value);
        Assert.Equal(4m, values[("volunteering.hours", path)].Value); // 90 + 90 + 60 minutes
        Assert.Equal(2m, values[("volunteering.volunteers", path)].Value); // the one who only signed up has no hours
        // The first day alone: one activity.
        var firstDay = app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>().ReadAsync([VolunteeringIndicators.ActivitiesCode], [path], day, day, default).GetAwaiter().GetResult());
        Assert.Equal(1m, firstDay[("volunteering.activities", path)].Value);
    }

    [Fact]
    public void A_person_who_served_in_two_communities_is_one_volunteer_of_their_street()
    {
        var start = new DateTime(2033, 4, 12, 1, 0, 0, DateTimeKind.Utc);
        var heping = app.Heping();
        var neighbour = app.WithDb(db => db.OrgUnits.Single(u => u.ParentId == heping.ParentId && u.ShortName == "幸福社区党委"));
        var v = app.NewVolunteer("两社区志愿者");
        var signups = new[] { app.Activity(start, capacity: 3), app.Activity(start, capacity: 3, unit: neighbour) }
            .Select(a => app.Run((db, _) => SignUp.HandleAsync(db, new FakeTimeProvider(start.AddDays(-1)), a, v, default)).Value!).ToList();
        foreach (var s in signups)
            Assert.True(app.Run((db, _) => ConfirmHours.HandleAsync(db, new FakeTimeProvider(start.AddDays(1)), s.Id,
                new ConfirmHoursRequest { Minutes = 60, Version = s.Version }, default)).IsOk);
        var street = app.WithDb(db => db.OrgUnits.Single(u => u.Id == heping.ParentId).Path);
        var day = DateOnly.FromDateTime(Web.Platform.Time.ChinaTime.ToBeijing(start));
        var (indicator, values) = app.WithScope(sp =>
        {
            var catalog = sp.GetRequiredService<IndicatorCatalog>();
            return (catalog.Find(VolunteeringIndicators.VolunteersCode)!,
                catalog.ReadAsync([VolunteeringIndicators.VolunteersCode], [heping.Path, neighbour.Path, street], day, day, default).GetAwaiter().GetResult());
        });
        Assert.Equal((1m, 1m), (values[(VolunteeringIndicators.VolunteersCode, heping.Path)].Value, values[(VolunteeringIndicators.VolunteersCode, neighbour.Path)].Value));
        Assert.Equal(1m, values[(VolunteeringIndicators.VolunteersCode, street)].Value); // not 1 + 1
        Assert.Equal(IndicatorRollup.Distinct, indicator.Rollup); // so nobody adds the communities up instead
    }

    [Fact]
    public async Task The_figures_page_counts_people_hours_and_repeat_volunteers_per_community()
    {
        var (day, _) = Arrange(new DateTime(2032, 5, 10, 1, 0, 0, DateTimeKind.Utc));
        var api = await app.ApiAs("secretary");
        var report = await api.GetFromJsonAsync<JsonElement>($"/api/v1/volunteering/figures?from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}");
        var total = report.GetProperty("total");
        Assert.Equal((2, 2, 4m, 1), (total.GetProperty("activities").GetInt32(), total.GetProperty("people").GetInt32(),
            total.GetProperty("hours").GetDecimal(), total.GetProperty("repeat").GetInt32()));
        var bad = await api.GetAsync($"/api/v1/volunteering/figures?from={day:yyyy-MM-dd}&to={day.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("结束日期不能早于开始日期。", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/volunteering/figures")).StatusCode);
    }

    [Fact]
    public void The_demo_has_two_teams_and_a_month_of_activities_with_confirmed_hours()
    {
        var (teams, activities, confirmed) = app.WithDb(db => (db.VolunteerTeams.Count(), db.Activities.Count(a => a.Title == "和平里小区夜间安全巡防"),
            db.Signups.Count(s => s.ConfirmedMinutes != null)));
        Assert.True(teams >= 2);
        Assert.True(activities >= 3);
        Assert.True(confirmed >= 20);
    }
}
