using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Volunteering;

[Collection(AppCollection.Name)]
public class AttendanceTests(LianxinApp app)
{
    static readonly DateTime Start = DateTime.UtcNow.Date.AddDays(40).AddHours(1);

    static ScanCodes Codes(IServiceProvider sp, TimeProvider clock) => new(sp.GetRequiredService<IDataProtectionProvider>(), clock);

    [Fact]
    public void Scanning_checks_in_then_out_inside_the_window_and_a_forged_or_expired_code_is_refused()
    {
        var id = app.Activity(Start, capacity: 5, hours: 2);
        var v = app.NewVolunteer("扫码测试");
        var clock = new FakeTimeProvider(Start.AddDays(-1));
        Assert.True(app.Run((db, _) => SignUp.HandleAsync(db, clock, id, v, default)).IsOk);
        var activity = app.WithDb(db => db.Activities.Single(a => a.Id == id));
        var token = app.WithScope(sp => Codes(sp, clock).TokenFor(activity));

        clock.SetUtcNow(Start.AddHours(-2));
        var early = app.Run((db, sp) => Scan.HandleAsync(db, Codes(sp, clock), clock, token, v, default));
        Assert.Equal("活动开始前 1 小时起才能签到。", early.Message);
        clock.SetUtcNow(Start.AddMinutes(-15));
        var checkIn = app.Run((db, sp) => Scan.HandleAsync(db, Codes(sp, clock), clock, token, v, default));
        Assert.True(checkIn.IsOk, checkIn.Message);
        Assert.False(checkIn.Value!.CheckedOut);
        clock.SetUtcNow(Start.AddMinutes(100));
        var checkOut = app.Run((db, sp) => Scan.HandleAsync(db, Codes(sp, clock), clock, token, v, default));
        Assert.True(checkOut.Value!.CheckedOut);
        Assert.Equal(100, checkOut.Value.Attendance.Minutes); // the quarter hour before the start does not count

        var forged = token[..^6] + (token[^6] == 'A' ? "BBBBBB" : "AAAAAA");
        Assert.Equal(Scan.BadCode, app.Run((db, sp) => Scan.HandleAsync(db, Codes(sp, clock), clock, forged, v, default)).Errors!.Values.Single().Single());
        clock.SetUtcNow(Start.AddHours(2) + ActivityRules.ScanCloses + TimeSpan.FromMinutes(1));
        var expired = app.Run((db, sp) => Scan.HandleAsync(db, Codes(sp, clock), clock, token, v, default));
        Assert.Equal(OutcomeKind.Invalid, expired.Kind);
    }

    [Fact]
    public async Task Confirming_hours_publishes_one_event_for_an_account_and_none_for_a_walk_in_by_name()
    {
        var start = Start.AddDays(1);
        var id = app.Activity(start, capacity: 5, hours: 3);
        var v = app.NewVolunteer("确认测试");
        var clock = new FakeTimeProvider(start.AddDays(-1));
        Assert.True(app.Run((db, _) => SignUp.HandleAsync(db, clock, id, v, default)).IsOk);
        var walkIn = app.Run((db, sp) => AddAttendee.HandleAsync(db, sp.GetRequiredService<MemberDirectory>(), clock, id, new AddAttendeeRequest { Name = "现场居民" }, default)).Value!;
        var mine = app.WithDb(db => db.Signups.Single(s => s.ActivityId == id && s.UserId == v.UserId));

        clock.SetUtcNow(start.AddMinutes(5));
        foreach (var s in new[] { mine.Id, walkIn.Id }) Assert.True(app.Run((db, _) => CheckIn.HandleAsync(db, clock, s, false, default)).IsOk);
        clock.SetUtcNow(start.AddHours(4));
        var left = app.Run((db, _) => CheckIn.HandleAsync(db, clock, mine.Id, true, default)).Value!;
        Assert.Equal(175, left.Minutes); // counted up to the end of the activity

        var walkInVersion = app.WithDb(db => db.Signups.Single(s => s.Id == walkIn.Id).Version);
        var noMinutes = app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, walkIn.Id, new ConfirmHoursRequest { Version = walkInVersion }, default));
        Assert.Equal("尚未签到签退，请填写服务时长（分钟）。", noMinutes.Errors!["Minutes"].Single());
        Assert.True(app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, walkIn.Id, new ConfirmHoursRequest { Minutes = 120, Version = walkInVersion }, default)).IsOk);
        var confirmed = app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, mine.Id, new ConfirmHoursRequest { Version = left.Version }, default));
        Assert.True(confirmed.IsOk, confirmed.Message);
        var twice = app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, mine.Id, new ConfirmHoursRequest { Version = confirmed.Value!.Version }, default));
        Assert.Equal("服务时长已确认，不能重复确认。", twice.Message);

        var events = app.WithDb(db => db.OutboxEvents.Where(e => e.Type == nameof(VolunteerHoursConfirmed)).Select(e => e.Payload).ToList())
            .Select(p => JsonSerializer.Deserialize<VolunteerHoursConfirmed>(p, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .Where(e => e.ActivityId == id).ToList();
        var e = Assert.Single(events);
        Assert.Equal((mine.Id, v.UserId, 175, "Patrol", app.Heping().Path), (e.AttendanceId, e.UserId, e.Minutes, e.ActivityKind, e.CommunityPath));
        Assert.Equal(DateOnly.FromDateTime(ChinaTime.ToBeijing(start)), e.Day);

        // Over HTTP, the resident may not confirm anyone's hours.
        var api = await app.ApiAs("resident");
        var refused = await api.PostAsJsonAsync($"/api/v1/volunteering/signups/{walkIn.Id}/confirm", new { minutes = 60, version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_dual_reported_members_confirmed_hours_appear_in_the_report_back_to_the_workplace()
    {
        var heping = app.Heping();
        var member = app.WithDb(db => db.Members.First(m => m.OrgPath.StartsWith(heping.Path)));
        var start = Start.AddDays(2);
        var day = DateOnly.FromDateTime(ChinaTime.ToBeijing(start));
        var workplace = "测试工作单位" + Guid.NewGuid().ToString("N")[..4];
        app.WithDb(db =>
        {
            db.DualReports.Add(new Web.Modules.Members.Domain.DualReport
            {
                Kind = Web.Modules.Members.Domain.ReporterKind.Member, MemberId = member.Id, Name = member.Name, Workplace = workplace,
                CommunityId = heping.Id, OrgPath = heping.Path, ReportedOn = day.AddDays(-30), Status = Web.Modules.Members.Domain.DualReportStatus.Active,
            });
            return db.SaveChanges();
        });
        var id = app.Activity(start, capacity: 3);
        var clock = new FakeTimeProvider(start.AddMinutes(1));
        var s = app.Run((db, sp) => AddAttendee.HandleAsync(db, sp.GetRequiredService<MemberDirectory>(), clock, id, new AddAttendeeRequest { MemberId = member.Id }, default)).Value!;
        Assert.True(app.Run((db, _) => ConfirmHours.HandleAsync(db, clock, s.Id, new ConfirmHoursRequest { Minutes = 90, Version = s.Version }, default)).IsOk);

        var api = await app.ApiAs("secretary");
        var report = await api.GetFromJsonAsync<JsonElement>($"/api/v1/dual-reports/report-back?communityId={heping.Id}&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var line = report.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("workplace").GetString() == workplace);
        Assert.Equal(1.5m, line.GetProperty("hours").GetDecimal());
    }
}
