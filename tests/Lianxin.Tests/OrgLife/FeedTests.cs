using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class FeedTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Parses the feed with Debian's python3-icalendar (an independent RFC 5545 parser) and answers its events as JSON.</summary>
    internal static JsonElement Parse(string ics)
    {
        const string script = """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            out = []
            for e in cal.walk('VEVENT'):
                out.append({'uid': str(e['UID']), 'sequence': int(e['SEQUENCE']), 'status': str(e['STATUS']), 'summary': str(e['SUMMARY']),
                            'location': str(e.get('LOCATION', '')), 'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat()})
            print(json.dumps({'name': str(cal['X-WR-CALNAME']), 'events': out}, ensure_ascii=False))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        using var p = Process.Start(psi)!;
        using (var stdin = new StreamWriter(p.StandardInput.BaseStream, new System.Text.UTF8Encoding(false))) stdin.Write(ics);
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public async Task A_branchs_private_feed_is_valid_iCalendar_with_stable_uids_rising_sequences_utc_times_and_cancellations()
    {
        var branch = app.NewBranch("日历测试支部");
        var api = await app.ApiAs("secretary");
        var link = await Json(await api.PostAsync($"/api/v1/orglife/feeds/{branch.Id}", null));
        var url = link.GetProperty("url").GetString()!;
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(10).ToString("yyyy-MM-dd");
        var kept = (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: date, topic: "学习会, 第一次; 试行", start: "19:00:00", end: "20:30:00"))))
            .GetProperty("id").GetGuid();
        var edited = await api.PutAsJsonAsync($"/api/v1/orglife/meetings/{kept}", OrgLifeBuild.Input(branch.Id, date: date, topic: "学习会, 第一次; 改期", start: "19:30:00", end: "21:00:00", version: 0));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var dropped = (await Json(await api.PostAsJsonAsync("/api/v1/orglife/meetings", OrgLifeBuild.Input(branch.Id, date: date, kind: "BranchCommittee", topic: "支委会", start: "08:00:00", end: "09:00:00"))))
            .GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/v1/orglife/meetings/{dropped}/cancel", new { reason = "书记外出" });

        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));

        var cal = Parse(text);
        Assert.StartsWith("日历测试支部", cal.GetProperty("name").GetString());
        var events = cal.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
        var k = events[$"{kept}@lianxin"];
        Assert.Equal(1, k.GetProperty("sequence").GetInt32());
        Assert.Equal("CONFIRMED", k.GetProperty("status").GetString());
        Assert.Equal("【主题党日】学习会, 第一次; 改期", k.GetProperty("summary").GetString());
        // 19:30 in Beijing is 11:30 UTC, carried with "Z".
        Assert.Equal($"{date}T11:30:00+00:00", k.GetProperty("start").GetString());
        Assert.Equal($"{date}T13:00:00+00:00", k.GetProperty("end").GetString());
        var d = events[$"{dropped}@lianxin"];
        Assert.Equal("CANCELLED", d.GetProperty("status").GetString());
        Assert.Equal(1, d.GetProperty("sequence").GetInt32());

        // Resetting the token: the old URL stops working, the new one serves the same events.
        var renewed = (await Json(await api.PostAsync($"/api/v1/orglife/feeds/{branch.Id}", null))).GetProperty("url").GetString()!;
        Assert.NotEqual(url, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(2, Parse(await anonymous.GetStringAsync(renewed)).GetProperty("events").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/orglife/feeds/not-a-token.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsync($"/api/v1/orglife/feeds/{branch.Id}", null)).StatusCode);
    }
}
