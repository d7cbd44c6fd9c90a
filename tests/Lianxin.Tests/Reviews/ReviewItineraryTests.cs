using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Tests.Reviews;

public class ItineraryRulesTests
{
    static readonly DateOnly Day1 = new(2026, 12, 1), Day2 = new(2026, 12, 2);
    /// <summary>China time → UTC.</summary>
    static DateTime Cn(int day, int hour, int minute = 0) => new DateTime(2026, 12, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void Times_inside_the_days_in_visiting_order_pass()
    {
        Assert.Empty(Itinerary.Check(Day1, Day2, [("甲", Cn(1, 9)), ("乙", null), ("丙", Cn(1, 14)), ("丁", Cn(2, 23, 59))]));
        Assert.Empty(Itinerary.Check(null, null, [("甲", null)]));
        // 08:30 in China on the first day is still the previous day in UTC: the day is judged in China time.
        Assert.Empty(Itinerary.Check(Day1, Day1, [("甲", Cn(1, 7, 30))]));
    }

    [Fact]
    public void A_time_outside_the_days_the_same_time_twice_and_a_time_against_the_order_are_refused()
    {
        var outside = Itinerary.Check(Day1, Day2, [("甲", Cn(3, 9))]);
        Assert.Equal("“甲”的观摩时间须在观摩日期（2026-12-01 至 2026-12-02）之内。", outside["Units[0].At"]);
        Assert.Contains("Units[0].At", Itinerary.Check(Day1, Day2, [("甲", Cn(1, 9).AddDays(-1))]).Keys);

        var same = Itinerary.Check(Day1, Day2, [("甲", Cn(1, 9)), ("乙", Cn(1, 9))]);
        Assert.Equal("“乙”与“甲”的观摩时间相同，请错开。", same["Units[1].At"]);

        var backwards = Itinerary.Check(Day1, Day2, [("甲", Cn(1, 14)), ("乙", Cn(1, 9))]);
        Assert.Contains("观摩时间却更早", backwards["Units[1].At"]);

        Assert.Equal("安排观摩时间前，请先填写观摩日期。", Itinerary.Check(null, null, [("甲", Cn(1, 9))])["StartsOn"]);
        Assert.Equal("观摩结束日期不能早于开始日期。", Itinerary.Check(Day2, Day1, [])["EndsOn"]);
    }
}

/// <summary>The itinerary through the API and the new-round page: days, order and time per unit, validated, shown on the round page.</summary>
[Collection(AppCollection.Name)]
public class ReviewItineraryTests(LianxinApp app)
{
    Guid Street => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "东湖街道党工委").Id);
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);
    Guid Reviewer => app.WithDb(db => db.Users.First(u => u.UserName == "reviewer").Id);
    Guid RubricId => app.WithDb(db => db.Rubrics.First(r => r.Name == "社区党建季度观摩考评细则").Id);

    [Fact]
    public async Task The_api_keeps_a_valid_route_and_refuses_times_outside_the_days_or_at_the_same_time()
    {
        var street = await app.ApiAs("street");
        var (peace, happy) = (Unit("和平社区党委"), Unit("幸福社区党委"));
        int Rounds() => app.WithDb(db => db.ReviewRounds.Count());
        object Body(string name, string? at1, string? at2) => new
        {
            ownerUnitId = Street, name, rubricId = RubricId, startsOn = "2026-12-01", endsOn = "2026-12-02",
            units = new object[] { new { unitId = happy, at = at1 }, new { unitId = peace, at = at2 } },
            panel = new[] { new { userId = Reviewer } },
        };
        var before = Rounds();
        var outside = await street.PostAsJsonAsync("/api/v1/reviews/rounds", Body("路线测试", "2026-12-03T01:00:00Z", null));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("的观摩时间须在观摩日期（2026-12-01 至 2026-12-02）之内", await outside.Content.ReadAsStringAsync());
        var same = await street.PostAsJsonAsync("/api/v1/reviews/rounds", Body("路线测试", "2026-12-01T01:00:00Z", "2026-12-01T01:00:00Z"));
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("观摩时间相同，请错开", await same.Content.ReadAsStringAsync());
        Assert.Equal(before, Rounds());

        var ok = await street.PostAsJsonAsync("/api/v1/reviews/rounds", Body("路线测试", "2026-12-01T01:00:00Z", "2026-12-01T06:30:00Z"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var round = await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{id}");
        Assert.Equal("2026-12-01", round.GetProperty("startsOn").GetString());
        Assert.Equal("2026-12-02", round.GetProperty("endsOn").GetString());
        var units = round.GetProperty("units");
        Assert.Equal(happy, units[0].GetProperty("unitId").GetGuid());
        Assert.Equal(new DateTime(2026, 12, 1, 6, 30, 0, DateTimeKind.Utc), units[1].GetProperty("visitAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task The_new_round_page_takes_order_and_time_per_unit_and_the_round_page_shows_them()
    {
        var street = await app.PagesAs("street");
        var (peace, happy) = (Unit("和平社区党委"), Unit("幸福社区党委"));
        var name = $"路线页面{Guid.NewGuid().ToString("N")[..4]}";
        Dictionary<string, string> Fields(string peaceOrder, string peaceAt, string happyOrder, string happyAt) => new()
        {
            ["Input.Name"] = name, ["Input.RubricId"] = RubricId.ToString(), ["Input.Aggregation"] = "Mean", ["Input.TrimMinReviewers"] = "5",
            ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2026-12-01",
            ["Input.Units"] = peace.ToString(), [$"Input.Order[{peace}]"] = peaceOrder, [$"Input.At[{peace}]"] = peaceAt,
            [$"Input.Order[{happy}]"] = happyOrder, [$"Input.At[{happy}]"] = happyAt,
            ["Input.Panel"] = Reviewer.ToString(),
        };
        var form = await street.GetStringAsync("/reviews/rounds/new");
        Assert.Contains("观摩开始日期", form);
        Assert.Contains($"name=\"Input.At[{peace}]\"", form);

        // Only one unit ticked here; FormUrlEncodedContent cannot repeat a key, so post the second unit by hand below.
        async Task<HttpResponseMessage> Post(Dictionary<string, string> f)
        {
            var html = await street.GetStringAsync("/reviews/rounds/new");
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var pairs = f.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).Append(new("Input.Units", happy.ToString())).Append(new("__RequestVerificationToken", token));
            return await street.PostAsync("/reviews/rounds/new", new FormUrlEncodedContent(pairs));
        }

        var late = await Post(Fields("1", "2026-12-02T09:00", "2", ""));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("的观摩时间须在观摩日期（2026-12-01 至 2026-12-01）之内。", await late.Content.ReadAsStringAsync());
        var twice = await Post(Fields("1", "", "1", ""));
        Assert.Contains("观摩顺序不能重复。", await twice.Content.ReadAsStringAsync());
        var clash = await Post(Fields("1", "2026-12-01T09:00", "2", "2026-12-01T09:00"));
        Assert.Contains("观摩时间相同，请错开。", await clash.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.ReviewRounds.Any(r => r.Name == name)));

        // 幸福 first at 09:00, 和平 second at 14:30 (China time).
        var ok = await Post(Fields("2", "2026-12-01T14:30", "1", "2026-12-01T09:00"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var roundId = app.WithDb(db => db.ReviewRounds.First(r => r.Name == name).Id);
        var stops = app.WithDb(db => db.RoundUnits.Where(u => u.RoundId == roundId).OrderBy(u => u.VisitOrder).Select(u => new { u.UnitId, u.VisitAt }).ToList());
        Assert.Equal([happy, peace], stops.Select(s => s.UnitId));
        Assert.Equal(new DateTime(2026, 12, 1, 1, 0, 0), stops[0].VisitAt);
        Assert.Equal(new DateTime(2026, 12, 1, 6, 30, 0), stops[1].VisitAt);
        var page = await street.GetStringAsync(ok.Headers.Location!.ToString());
        Assert.Contains("2026-12-01", page);
        Assert.Contains("12-01 09:00", page);
        Assert.Contains("12-01 14:30", page);
        Assert.True(page.IndexOf("12-01 09:00", StringComparison.Ordinal) < page.IndexOf("12-01 14:30", StringComparison.Ordinal));
    }
}
