using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Volunteering;

/// <summary>The organiser edits an activity (a stale edit is refused) or calls it off: the people signed up hear it and nothing can be earned there.</summary>
[Collection(AppCollection.Name)]
public class ActivityChangeTests(LianxinApp app)
{
    [Fact]
    public async Task An_edit_on_a_stale_version_is_a_409_and_raising_the_capacity_moves_the_waiting_list_up()
    {
        var start = DateTime.UtcNow.Date.AddDays(12).AddHours(1); // 09:00 in Beijing: an activity after 22:00 would end the next day
        var id = app.Activity(start, capacity: 1);
        var clock = new FakeTimeProvider(start.AddDays(-2));
        var (first, second) = (app.NewVolunteer("先报名"), app.NewVolunteer("候补者"));
        foreach (var v in new[] { first, second }) Assert.True(app.Run((db, _) => SignUp.HandleAsync(db, clock, id, v, default)).IsOk);
        var version = app.WithDb(db => db.Activities.Single(a => a.Id == id).Version);
        var day = DateOnly.FromDateTime(ChinaTime.ToBeijing(start)).AddDays(1);
        object Edit(int capacity, int v) => new
        {
            title = "改期后的巡防", kind = "Patrol", place = "北门", day = day.ToString("yyyy-MM-dd"), from = "19:00", to = "21:00", capacity, version = v,
        };
        var api = await app.ApiAs("secretary");

        var tooSmall = await api.PutAsJsonAsync($"/api/v1/volunteering/activities/{id}", Edit(0, version));
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.Contains("招募人数须在 1–500 之间。", await tooSmall.Content.ReadAsStringAsync());
        var saved = await api.PutAsJsonAsync($"/api/v1/volunteering/activities/{id}", Edit(2, version));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/volunteering/activities/{id}", Edit(3, version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var (activity, statuses) = app.WithDb(db => (db.Activities.Single(a => a.Id == id),
            db.Signups.Where(s => s.ActivityId == id).Select(s => new { s.Status, s.Day }).ToList()));
        Assert.Equal(("改期后的巡防", 2, 2), (activity.Title, activity.Capacity, activity.Taken));
        Assert.All(statuses, s => Assert.Equal((SignupStatus.Confirmed, day), (s.Status, s.Day)));
        var below = await api.PutAsJsonAsync($"/api/v1/volunteering/activities/{id}", Edit(1, activity.Version));
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.Contains("已有 2 人报名，招募人数不能少于已报名人数。", await below.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_cancelled_activity_tells_its_volunteers_and_takes_no_sign_up_check_in_or_hours()
    {
        var start = DateTime.UtcNow.Date.AddDays(14).AddHours(1);
        var id = app.Activity(start, capacity: 1);
        var clock = new FakeTimeProvider(start.AddDays(-2));
        var (signed, waiting, late) = (app.NewVolunteer("已报名者"), app.NewVolunteer("候补中"), app.NewVolunteer("晚来者"));
        var held = app.Run((db, _) => SignUp.HandleAsync(db, clock, id, signed, default)).Value!;
        Assert.True(app.Run((db, _) => SignUp.HandleAsync(db, clock, id, waiting, default)).IsOk);
        var version = app.WithDb(db => db.Activities.Single(a => a.Id == id).Version);
        var api = await app.ApiAs("secretary");

        var noReason = await api.PostAsJsonAsync($"/api/v1/volunteering/activities/{id}/cancellation", new { reason = " ", version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写取消原因。", await noReason.Content.ReadAsStringAsync());
        var cancelled = await api.PostAsJsonAsync($"/api/v1/volunteering/activities/{id}/cancellation", new { reason = "台风预警，暂停户外活动", version });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var again = await api.PostAsJsonAsync($"/api/v1/volunteering/activities/{id}/cancellation", new { reason = "重复", version = version + 1 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var told = app.WithDb(db => db.Notifications.Where(n => n.RecipientUserId == signed.UserId || n.RecipientUserId == waiting.UserId)
            .Select(n => new { n.RecipientUserId, n.Body }).ToList());
        Assert.Equal(2, told.Count);
        Assert.All(told, n => Assert.Contains("台风预警，暂停户外活动", n.Body));

        Assert.Equal(OutcomeKind.Conflict, app.Run((db, _) => SignUp.HandleAsync(db, clock, id, late, default)).Kind);
        clock.SetUtcNow(start.AddMinutes(5));
        var checkIn = app.Run((db, _) => CheckIn.HandleAsync(db, clock, held.Id, false, default));
        Assert.Equal((OutcomeKind.Conflict, "活动已取消。不能签到。"), (checkIn.Kind, checkIn.Message));
        clock.SetUtcNow(start.AddHours(3));
        var hours = app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, held.Id, new ConfirmHoursRequest { Minutes = 60, Version = held.Version }, default));
        Assert.Equal(OutcomeKind.Conflict, hours.Kind);
        Assert.False(app.WithDb(db => db.Signups.Any(s => s.ActivityId == id && s.ConfirmedMinutes != null)));
        var page = await (await app.PagesAs("secretary")).GetStringAsync($"/volunteering/activities/{id}");
        Assert.Contains("台风预警，暂停户外活动", page);
    }
}
