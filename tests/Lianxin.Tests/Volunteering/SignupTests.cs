using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Volunteering;

[Collection(AppCollection.Name)]
public class SignupTests(LianxinApp app)
{
    static readonly DateTime Start = DateTime.UtcNow.Date.AddDays(30).AddHours(1);

    [Fact]
    public async Task The_resident_signs_up_on_the_api_and_sees_the_activity_marked_as_theirs()
    {
        var id = app.Activity(DateTime.UtcNow.Date.AddDays(3).AddHours(1), capacity: 5); // 09:00 in Beijing, whatever the hour the test runs
        var api = await app.ApiAs("resident");

        var first = await api.PostAsync($"/api/v1/volunteering/activities/{id}/signup", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("已报名", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusName").GetString());
        var again = await api.PostAsync($"/api/v1/volunteering/activities/{id}/signup", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("您已报名该活动。", await again.Content.ReadAsStringAsync());

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/volunteering/activities");
        var row = list.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, row.GetProperty("taken").GetInt32());
        Assert.Equal("Confirmed", row.GetProperty("mine").GetString());
        // The neighbour community's secretary neither sees it nor organises it.
        var other = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/volunteering/activities/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_sign_up_still_to_come_shows_on_my_page_though_the_record_ends_today()
    {
        var id = app.Activity(DateTime.UtcNow.Date.AddDays(5).AddHours(1), capacity: 5, title: "下周巡防");
        var title = app.WithDb(db => db.Activities.Single(a => a.Id == id).Title);
        var api = await app.ApiAs("resident");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/volunteering/activities/{id}/signup", null)).StatusCode);
        var pages = await app.PagesAs("resident");

        Assert.Contains(title, Upcoming(await pages.GetStringAsync("/volunteering/me")));
        Assert.Contains((await api.GetFromJsonAsync<JsonElement>("/api/v1/volunteering/me/upcoming")).EnumerateArray(), l => l.GetProperty("activityId").GetGuid() == id);
        // The record of the last year (what the certificate states) ends today and does not list it.
        var record = await api.GetFromJsonAsync<JsonElement>("/api/v1/volunteering/me");
        Assert.DoesNotContain(record.GetProperty("lines").EnumerateArray(), l => l.GetProperty("activityId").GetGuid() == id);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/volunteering/activities/{id}/cancel", null)).StatusCode);
        Assert.DoesNotContain(title, Upcoming(await pages.GetStringAsync("/volunteering/me")));
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonElement>("/api/v1/volunteering/me/upcoming")).EnumerateArray(), l => l.GetProperty("activityId").GetGuid() == id);
    }

    static string Upcoming(string html) =>
        html.IndexOf("aria-labelledby=\"upcoming\"", StringComparison.Ordinal) is var at and >= 0 ? html[at..html.IndexOf("</section>", at, StringComparison.Ordinal)] : "";

    [Fact]
    public void When_full_the_next_waits_and_a_cancellation_promotes_the_first_waiting()
    {
        var id = app.Activity(Start, capacity: 2);
        var people = Enumerable.Range(1, 4).Select(i => app.NewVolunteer($"候补测试{i}")).ToList();
        var clock = new FakeTimeProvider(Start.AddDays(-2));
        var statuses = people.Select((p, i) =>
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return app.Run((db, _) => SignUp.HandleAsync(db, clock, id, p, default)).Value!.Status;
        }).ToList();
        Assert.Equal([SignupStatus.Confirmed, SignupStatus.Confirmed, SignupStatus.Waiting, SignupStatus.Waiting], statuses);

        var cancelled = app.Run((db, _) => CancelSignup.HandleAsync(db, clock, id, people[0], default));
        Assert.True(cancelled.IsOk, cancelled.Message);
        var after = app.WithDb(db => db.Signups.Where(s => s.ActivityId == id).ToDictionary(s => s.Name, s => s.Status));
        Assert.Equal(SignupStatus.Cancelled, after["候补测试1"]);
        Assert.Equal(SignupStatus.Confirmed, after["候补测试3"]); // the first waiting
        Assert.Equal(SignupStatus.Waiting, after["候补测试4"]);
        Assert.Equal(2, app.WithDb(db => db.Activities.Single(a => a.Id == id).Taken));

        // A waiting person who withdraws frees nothing; after the start nobody withdraws.
        Assert.True(app.Run((db, _) => CancelSignup.HandleAsync(db, clock, id, people[3], default)).IsOk);
        Assert.Equal(2, app.WithDb(db => db.Activities.Single(a => a.Id == id).Taken));
        var late = app.Run((db, _) => CancelSignup.HandleAsync(db, new FakeTimeProvider(Start.AddMinutes(5)), id, people[1], default));
        Assert.Equal("活动已开始，不能取消报名，请联系组织者。", late.Message);
    }

    [Fact]
    public async Task Parallel_sign_ups_for_the_last_places_give_exactly_the_capacity()
    {
        const int capacity = 3, people = 12;
        var id = app.Activity(Start.AddHours(3), capacity);
        var volunteers = Enumerable.Range(1, people).Select(i => app.NewVolunteer($"并发{i}")).ToList();
        var tenant = app.WithDb(db => db.CurrentTenantId);
        var clock = new FakeTimeProvider(Start.AddDays(-1));

        var outcomes = await Task.WhenAll(volunteers.Select(v => Task.Run(async () =>
        {
            // Each sign-up on its own DbContext and connection, as separate requests would be.
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            return await SignUp.HandleAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), clock, id, v, default);
        })));

        Assert.All(outcomes, o => Assert.True(o.IsOk, o.Message));
        Assert.Equal(capacity, outcomes.Count(o => o.Value!.Status == SignupStatus.Confirmed));
        Assert.Equal(people - capacity, outcomes.Count(o => o.Value!.Status == SignupStatus.Waiting));
        var (taken, confirmed) = app.WithDb(db => (db.Activities.Single(a => a.Id == id).Taken,
            db.Signups.Count(s => s.ActivityId == id && s.Status == SignupStatus.Confirmed)));
        Assert.Equal((capacity, capacity), (taken, confirmed));
    }
}
