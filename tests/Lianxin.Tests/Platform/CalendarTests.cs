using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Platform;

public class WorkingCalendarTests
{
    static DateTime Beijing(int y, int m, int d, int h) => ChinaTime.ToUtc(new DateTime(y, m, d, h, 0, 0));

    [Fact]
    public void The_2026_calendar_skips_New_Year_and_counts_the_make_up_Sunday()
    {
        var days = CalendarDemo.Days2026().ToList();
        var cal = new WorkingCalendar(days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date), days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date));
        // Wednesday 31 December 16:00 + 2 working hours: 1–3 January are off, Sunday 4 January is worked.
        Assert.Equal(Beijing(2026, 1, 4, 10), cal.AddWorkingHours(Beijing(2025, 12, 31, 16), 2));
        Assert.Equal(Beijing(2026, 1, 1, 10), WorkingCalendar.WeekendsOnly.AddWorkingHours(Beijing(2025, 12, 31, 16), 2));
        // The Spring Festival week: Friday 13 February + 2 working days = Saturday 14 (make-up) and Tuesday 24.
        Assert.Equal(Beijing(2026, 2, 24, 10), cal.AddWorkingDays(Beijing(2026, 2, 13, 10), 2));
        Assert.Equal(7 + 8 + 1, cal.WorkingHoursBetween(Beijing(2026, 2, 13, 10), Beijing(2026, 2, 24, 10)));
    }
}

/// <summary>The district's calendar through the API and the page, and the deadlines that count by it.</summary>
[Collection(AppCollection.Name)]
public class CalendarTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    static object Day(string date, string kind, string name) => new { date, kind, name };

    [Fact]
    public async Task Deadlines_skip_an_entered_holiday_and_count_a_make_up_Saturday()
    {
        var (community, category, compound, limit) = app.WithDb(db =>
        {
            var c = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            var cat = db.DemandCategories.First(x => x.StreetId == c.ParentId && x.ResponseHours <= 8 && x.DefaultLevel != DemandLevel.Grid && x.ServiceMode == ServiceMode.None && x.Active);
            return (c.Id, cat.Id, db.Compounds.First(x => x.CommunityId == c.Id && x.BranchId == null).Id, cat.LimitAt(cat.DefaultLevel, 0));
        });
        // Friday 7 March 2031, 16:00 in Beijing; 2031 is a year the demo never entered.
        var filedAt = ChinaTime.ToUtc(new DateTime(2031, 3, 7, 16, 0, 0));
        var clock = new FakeTimeProvider(new DateTimeOffset(filedAt, TimeSpan.Zero));
        using var timed = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Demands:Escalation:IntervalSeconds", "0");
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        async Task<HttpClient> As(string user)
        {
            var token = await Json(await timed.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = DemoSetup.Password }));
            var c = timed.CreateClient();
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            return c;
        }
        var admin = await As("admin");
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/2031", new
        {
            days = new[] { Day("2031-03-08", "Workday", "调休测试"), Day("2031-03-10", "Holiday", "测试假日"), Day("2031-03-11", "Holiday", "测试假日") },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var filed = await timed.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = community, categoryId = category, compoundId = compound, description = "工作日历测试：楼道灯不亮。", contactName = "测试居民", contactPhone = "13812340031",
        });
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var id = (await Json(filed)).GetProperty("id").GetGuid();
        var d = app.WithDb(db => db.Demands.First(x => x.Id == id));

        // Responding within a working day falls on the make-up Saturday, not on Monday (a holiday).
        Assert.Equal(new DateOnly(2031, 3, 8), DateOnly.FromDateTime(ChinaTime.ToBeijing(d.ResponseDueAt!.Value)));
        var entered = new WorkingCalendar([new(2031, 3, 10), new(2031, 3, 11)], [new(2031, 3, 8)]);
        Assert.Equal(entered.AddWorkingDays(filedAt, limit.ResolveDays), d.ResolveDueAt);
        Assert.NotEqual(WorkingCalendar.WeekendsOnly.AddWorkingDays(filedAt, limit.ResolveDays), d.ResolveDueAt);
        Assert.DoesNotContain(DateOnly.FromDateTime(ChinaTime.ToBeijing(d.ResolveDueAt!.Value)), new DateOnly[] { new(2031, 3, 10), new(2031, 3, 11) });

        // Resolved on Monday 17 March at 10:00: Friday 1 h + Saturday 8 h + Wednesday to Friday 24 h + Monday 1 h.
        clock.SetUtcNow(new DateTimeOffset(ChinaTime.ToUtc(new DateTime(2031, 3, 17, 10, 0, 0)), TimeSpan.Zero));
        var secretary = await As("secretary");
        foreach (var (action, note) in new[] { ("Accept", (string?)null), ("Resolve", "已更换灯泡。") })
        {
            var version = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
            var r = await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action, note, version });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }
        Assert.Equal(34, app.WithDb(db => db.Demands.First(x => x.Id == id).ResolveHours)!.Value, 3);
    }

    [Fact]
    public async Task The_API_replaces_a_year_and_refuses_bad_days_in_Chinese_without_saving()
    {
        var admin = await app.ApiAs("admin");
        var bad = await admin.PutAsJsonAsync("/api/v1/calendar/2032", new
        {
            days = new[] { Day("2032-01-01", "Holiday", "元旦"), Day("2032-01-01", "Holiday", "元旦"), Day("2031-12-31", "Holiday", "元旦"), Day("2032-01-05", "Workday", "调休"), Day("2032-01-02", "Holiday", "") },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.Contains("已录入", errors.GetProperty("Days[1].Date")[0].GetString());
        Assert.Equal("日期须在 2032 年内。", errors.GetProperty("Days[2].Date")[0].GetString());
        Assert.Contains("调休上班日应为周六或周日", errors.GetProperty("Days[3].Kind")[0].GetString());
        Assert.Contains("请填写名称", errors.GetProperty("Days[4].Name")[0].GetString());
        Assert.False((await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2032")).GetProperty("entered").GetBoolean());

        var ok = await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { days = new[] { Day("2032-01-01", "Holiday", "元旦"), Day("2032-01-04", "Holiday", "元旦") } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        ok = await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { days = new[] { Day("2032-01-01", "Holiday", "元旦"), Day("2032-02-07", "Workday", "春节") } });
        var year = await Json(ok);
        Assert.True(year.GetProperty("entered").GetBoolean());
        Assert.Equal(["2032-01-01", "2032-02-07"], year.GetProperty("days").EnumerateArray().Select(x => x.GetProperty("date").GetString()).ToArray());
        Assert.Equal("调休上班", year.GetProperty("days")[1].GetProperty("kindName").GetString());

        // Street staff read it (they dispatch by its deadlines) but do not change it; a community does neither.
        var street = await app.ApiAs("street");
        var read = await street.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2032");
        Assert.Equal(2, read.GetProperty("days").GetArrayLength());
        Assert.False(read.GetProperty("canManage").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PutAsJsonAsync("/api/v1/calendar/2032", new { days = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("secretary")).GetAsync("/api/v1/calendar/2032")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/calendar/1800")).StatusCode);
    }

    [Fact]
    public async Task The_page_adds_and_removes_days_with_Chinese_errors_and_an_empty_state()
    {
        var admin = await app.PagesAs("admin");
        var html = await admin.GetStringAsync("/calendar?year=2033");
        Assert.Contains("2033 年尚未录入节假日。", html);
        Assert.Contains("href=\"/calendar\"", await admin.GetStringAsync("/"));

        Dictionary<string, string> Form(string date, string kind, string name) => new() { ["Input.Date"] = date, ["Input.Kind"] = kind, ["Input.Name"] = name };
        var added = await LianxinApp.PostFormAsync(admin, "/calendar?year=2033&handler=Add", Form("2033-01-31", "Holiday", "春节"), "/calendar?year=2033");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        html = await admin.GetStringAsync("/calendar?year=2033");
        Assert.Contains("data-day=\"2033-01-31\"", html);
        Assert.DoesNotContain("data-testid=\"empty\"", html);

        var dup = await LianxinApp.PostFormAsync(admin, "/calendar?year=2033&handler=Add", Form("2033-01-31", "Holiday", "春节"), "/calendar?year=2033");
        Assert.Equal(HttpStatusCode.OK, dup.StatusCode);
        Assert.Contains("1月31日已录入（春节），同一天只能录入一次。", await dup.Content.ReadAsStringAsync());
        var outside = await LianxinApp.PostFormAsync(admin, "/calendar?year=2033&handler=Add", Form("2034-01-01", "Holiday", "元旦"), "/calendar?year=2033");
        Assert.Contains("日期须在 2033 年内。", await outside.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.CalendarDays.Count(x => x.Date.Year == 2033 || x.Date.Year == 2034)));

        var id = app.WithDb(db => db.CalendarDays.First(x => x.Date == new DateOnly(2033, 1, 31)).Id);
        Assert.Contains("data-confirm=", html);
        var removed = await LianxinApp.PostFormAsync(admin, $"/calendar?handler=Remove&id={id}", [], "/calendar?year=2033");
        Assert.Equal("/calendar?year=2033", removed.Headers.Location?.OriginalString);
        Assert.Contains("2033 年尚未录入节假日。", await admin.GetStringAsync("/calendar?year=2033"));

        // A community secretary has neither the page nor its menu entry.
        var secretary = await app.PagesAs("secretary");
        Assert.DoesNotContain("href=\"/calendar\"", await secretary.GetStringAsync("/"));
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync("/calendar")).StatusCode);
    }
}
