using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Calendar;

namespace Lianxin.Tests.Demands;

/// <summary>
/// The figures as the database aggregates them. Each test arranges its own demands in a period of years past
/// (the demo and the other tests file theirs now), so the expected numbers are exact.
/// </summary>
[Collection(AppCollection.Name)]
public class DemandFiguresTests(LianxinApp app)
{
    record Units(OrgUnit Community, OrgUnit Grid, Guid StreetId);

    Units Heping() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var grid = db.OrgUnits.Where(u => u.ParentId == community.Id).OrderBy(u => u.Path).First();
        return new Units(community, grid, community.ParentId!.Value);
    });

    /// <summary>A demand as the flow would have left it; times are UTC.</summary>
    static Demand Arranged(Units u, string category, DemandLevel level, DemandState state, DateTime created, bool atGrid = false) => new()
    {
        TenantId = u.Community.TenantId, TicketNo = "FG" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), CategoryId = Guid.NewGuid(),
        CategoryName = category, Description = "统计测试诉求", StreetId = u.StreetId, CommunityId = u.Community.Id, GridUnitId = u.Grid.Id,
        ContactName = "测试", PhoneTail = "0000", Source = DemandSource.Staff,
        OrgPath = u.Grid.Path, Level = level, HandlerUnitId = atGrid ? u.Grid.Id : u.Community.Id, HandlerPath = atGrid ? u.Grid.Path : u.Community.Path,
        State = state, CreatedAt = created, LevelSince = created,
    };

    void Save(params Demand[] demands) => app.WithDb(db => { db.Demands.AddRange(demands); return db.SaveChanges(); });

    static string Stat(string html, string label) =>
        Regex.Match(html, $"<div class=\"lx-stat\">([^<]*)</div><div class=\"small text-muted\">{label}</div>") is { Success: true } m
            ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no stat {label}");

    [Fact]
    public async Task Figures_of_a_period_count_in_time_resolved_hours_satisfaction_by_category_level_and_slowest_unit()
    {
        var u = Heping();
        // Monday 2021-03-01 09:00 Beijing time.
        var t0 = new DateTime(2021, 3, 1, 1, 0, 0, DateTimeKind.Utc);
        var a = Arranged(u, "环境卫生", DemandLevel.Grid, DemandState.Closed, t0, atGrid: true);
        a.FirstResponseAt = t0.AddHours(1); a.FirstResponseDueAt = t0.AddHours(4); a.ResolvedAt = t0.AddDays(1); a.ResolveHours = 8; a.Rating = Satisfaction.Satisfied;
        var b = Arranged(u, "环境卫生", DemandLevel.Grid, DemandState.Closed, t0.AddHours(1), atGrid: true);
        b.FirstResponseAt = t0.AddHours(9); b.FirstResponseDueAt = t0.AddHours(5); b.ResolvedAt = t0.AddDays(2); b.ResolveHours = 16; b.Rating = Satisfaction.Unsatisfied;
        var c = Arranged(u, "物业管理", DemandLevel.Community, DemandState.Resolved, t0.AddHours(2));
        c.FirstResponseAt = t0.AddHours(3); c.FirstResponseDueAt = t0.AddHours(10); c.ResolvedAt = t0.AddHours(6); c.ResolveHours = 4;
        var d = Arranged(u, "物业管理", DemandLevel.Community, DemandState.Submitted, t0.AddDays(2));
        d.FirstResponseDueAt = t0.AddDays(2).AddHours(8); d.Overdue = true;
        // Not counted: a merged duplicate, and a demand after the period.
        var merged = Arranged(u, "物业管理", DemandLevel.Street, DemandState.Merged, t0.AddDays(3));
        var later = Arranged(u, "环境卫生", DemandLevel.Grid, DemandState.Submitted, t0.AddDays(9));
        Save(a, b, c, d, merged, later);

        var street = await app.ApiAs("street");
        var f = await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/figures?unitId={u.Community.Id}&from=2021-03-01&to=2021-03-07");
        Assert.Equal(4, f.GetProperty("received").GetInt32());
        Assert.Equal(3, f.GetProperty("responded").GetInt32());
        Assert.Equal(2, f.GetProperty("respondedInTime").GetInt32());
        Assert.Equal(66.7, f.GetProperty("respondedInTimeRate").GetDouble());
        Assert.Equal(3, f.GetProperty("resolved").GetInt32());
        Assert.Equal(75, f.GetProperty("resolveRate").GetDouble());
        Assert.Equal(9.3, f.GetProperty("avgResolveHours").GetDouble());
        Assert.Equal(1, f.GetProperty("overdue").GetInt32());
        Assert.Equal(2, f.GetProperty("satisfaction").GetProperty("rated").GetInt32());
        Assert.Equal(50, f.GetProperty("satisfactionRate").GetDouble());

        var cats = f.GetProperty("byCategory").EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString()!);
        Assert.Equal(2, cats.Count);
        Assert.Equal(12, cats["环境卫生"].GetProperty("avgResolveHours").GetDouble());
        Assert.Equal(50, cats["环境卫生"].GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(1, cats["物业管理"].GetProperty("resolved").GetInt32());
        Assert.Equal(1, cats["物业管理"].GetProperty("overdue").GetInt32());
        Assert.Equal(JsonValueKind.Null, cats["物业管理"].GetProperty("satisfactionRate").ValueKind);
        Assert.Equal(["网格", "社区"], f.GetProperty("byLevel").EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToArray());

        // Slowest first: the grid (12 h on average over 2), then the community (4 h).
        var slow = f.GetProperty("slowest").EnumerateArray().ToList();
        Assert.Equal(2, slow.Count);
        Assert.Equal(u.Grid.Id, slow[0].GetProperty("unitId").GetGuid());
        Assert.Equal(12, slow[0].GetProperty("avgResolveHours").GetDouble());
        Assert.Equal(2, slow[0].GetProperty("resolved").GetInt32());
        Assert.Equal(u.Community.Id, slow[1].GetProperty("unitId").GetGuid());

        // The subtree decides: the grid holds all four, the neighbouring community none of them.
        var gridFigures = await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/figures?unitId={u.Grid.Id}&from=2021-03-01&to=2021-03-07");
        Assert.Equal(4, gridFigures.GetProperty("received").GetInt32());
        var neighbour = app.WithDb(db => db.OrgUnits.First(x => x.ShortName == "幸福社区党委").Id);
        var other = await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/figures?unitId={neighbour}&from=2021-03-01&to=2021-03-07");
        Assert.Equal(0, other.GetProperty("received").GetInt32());

        // The page shows the same figures.
        var page = await (await app.PagesAs("street")).GetStringAsync($"/demands/figures?unitId={u.Community.Id}&from=2021-03-01&to=2021-03-07");
        Assert.Equal("4", Stat(page, "受理诉求"));
        Assert.Equal("50%", Stat(page, "满意率"));
        Assert.Equal("9.3", Stat(page, "平均办理时长（工作小时）"));
    }

    [Fact]
    public async Task An_empty_period_and_a_period_without_ratings_show_a_dash_not_zero_percent()
    {
        var u = Heping();
        var pages = await app.PagesAs("street");
        var empty = await pages.GetStringAsync($"/demands/figures?unitId={u.Community.Id}&from=2019-01-01&to=2019-01-31");
        Assert.Equal("0", Stat(empty, "受理诉求"));
        Assert.Equal("—", Stat(empty, "满意率"));
        Assert.Equal("—", Stat(empty, "办结率"));
        Assert.Equal("—", Stat(empty, "及时响应率"));
        Assert.Equal("—", Stat(empty, "平均办理时长（工作小时）"));
        var api = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/demands/figures?unitId={u.Community.Id}&from=2019-01-01&to=2019-01-31");
        Assert.Equal(0, api.GetProperty("received").GetInt32());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("satisfactionRate").ValueKind);
        Assert.Empty(api.GetProperty("byCategory").EnumerateArray());
        Assert.Empty(api.GetProperty("slowest").EnumerateArray());

        // Resolved but nobody rated yet: the rate is unknown, not 0%.
        var t0 = new DateTime(2020, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        var r = Arranged(u, "设施维修", DemandLevel.Community, DemandState.Resolved, t0);
        r.FirstResponseAt = t0.AddHours(1); r.ResolvedAt = t0.AddHours(5); r.ResolveHours = 5;
        Save(r);
        var unrated = await pages.GetStringAsync($"/demands/figures?unitId={u.Community.Id}&from=2020-06-01&to=2020-06-30");
        Assert.Equal("1", Stat(unrated, "受理诉求"));
        Assert.Equal("100%", Stat(unrated, "办结率"));
        Assert.Equal("—", Stat(unrated, "满意率"));
    }

    [Fact]
    public async Task Resolving_stores_the_working_hours_and_an_unsatisfied_reopening_clears_them()
    {
        var u = Heping();
        var category = app.WithDb(db => db.DemandCategories.First(c => c.StreetId == u.StreetId && c.Name == "物业管理").Id);
        var secretary = await app.ApiAs("secretary");
        var filed = await secretary.PostAsJsonAsync("/api/v1/demands", new
        {
            communityId = u.Community.Id, categoryId = category, description = "电梯频繁停运，需物业维修。", address = "和平里3号楼",
            contactName = "测试居民乙", contactPhone = "13822223333", source = "Phone",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Received two weeks ago (so there are working hours to count).
        app.WithDb(db => { var d = db.Demands.First(x => x.Id == id); d.CreatedAt = d.CreatedAt.AddDays(-14); return db.SaveChanges(); });

        async Task<JsonElement> Act(string action, string? note = null)
        {
            var version = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
            var r = await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action, note, version });
            Assert.True(r.IsSuccessStatusCode, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            return await r.Content.ReadFromJsonAsync<JsonElement>();
        }
        var level = app.WithDb(db => db.Demands.First(x => x.Id == id).Level);
        Assert.Equal(DemandLevel.Community, level);
        await Act("Accept");
        await Act("Resolve", "已联系物业更换电梯主板。");

        var resolved = app.WithDb(db => db.Demands.First(x => x.Id == id));
        Assert.NotNull(resolved.ResolveHours);
        var calendar = app.WithDb(db => TenantCalendar.SinceAsync(db, resolved.CreatedAt, resolved.ResolvedAt!.Value, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Equal(calendar.WorkingHoursBetween(resolved.CreatedAt, resolved.ResolvedAt!.Value), resolved.ResolveHours!.Value, 3);
        Assert.True(resolved.ResolveHours >= 70, $"two weeks hold at least 70 working hours, got {resolved.ResolveHours}");

        var version = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
        var rate = await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/rating", new { rating = "Unsatisfied", note = "电梯仍然停运。", version });
        Assert.True(rate.IsSuccessStatusCode, await rate.Content.ReadAsStringAsync());
        var reopened = app.WithDb(db => db.Demands.First(x => x.Id == id));
        Assert.Equal(DemandState.Accepted, reopened.State);
        Assert.Null(reopened.ResolvedAt);
        Assert.Null(reopened.ResolveHours);
    }
}
