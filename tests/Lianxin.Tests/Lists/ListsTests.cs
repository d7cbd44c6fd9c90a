using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Members;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Lists;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Tests.Lists;

/// <summary>
/// Large lists (ADR 0036): keyset pages by opaque cursor, a capped total, and search through the bigram index, with the same
/// answers on SQLite and PostgreSQL (this class runs on both).
/// </summary>
[Collection(AppCollection.Name)]
public class ListsTests(LianxinApp app)
{
    /// <summary>Demands of 和平社区 received at the given moments (a past year, so no period figure moves).</summary>
    List<(Guid Id, string Ticket)> AddDemands(params (DateTime At, string Description, string? Address)[] items) => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var demands = items.Select(x => new Demand
        {
            TenantId = community.TenantId, TicketNo = "LS" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), CategoryId = Guid.NewGuid(),
            CategoryName = "环境卫生", Description = x.Description, StreetId = community.ParentId!.Value, CommunityId = community.Id, Address = x.Address,
            ContactName = "测试", PhoneTail = "0000", OrgPath = community.Path, Level = DemandLevel.Community, HandlerUnitId = community.Id,
            HandlerPath = community.Path, State = DemandState.Submitted, CreatedAt = x.At, LevelSince = x.At,
        }).ToList();
        db.Demands.AddRange(demands);
        db.SaveChanges();
        return demands.Select(d => (d.Id, d.TicketNo)).ToList();
    });

    static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
    static string? Next(JsonElement page) => page.GetProperty("next").GetString();
    static string? Previous(JsonElement page) => page.GetProperty("previous").GetString();

    [Fact]
    public async Task Demand_pages_follow_their_cursors_without_repeats_or_gaps_while_demands_come_in()
    {
        var marker = "翻页" + Guid.NewGuid().ToString("N")[..8];
        var t0 = new DateTime(2021, 4, 1, 2, 0, 0, DateTimeKind.Utc);
        // Two at the same moment: the Id breaks the tie.
        var d = AddDemands(Enumerable.Range(0, 7).Select(i => (t0.AddMinutes(i == 6 ? 5 : i), $"{marker} 第{i}件", (string?)null)).ToArray())
            .Select(x => x.Id).ToList();
        var newestFirst = d.Select((id, i) => (id, at: t0.AddMinutes(i == 6 ? 5 : i))).OrderByDescending(x => x.at)
            .ThenByDescending(x => x.id.ToString(), StringComparer.Ordinal).Select(x => x.id).ToList();
        var api = await app.ApiAs("street");
        var url = $"/api/v1/demands?q={Uri.EscapeDataString(marker)}&pageSize=3";

        var first = await api.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(newestFirst[..3], Ids(first));
        Assert.Equal(7, first.GetProperty("total").GetInt32());
        Assert.False(first.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Null(Previous(first));

        // A newer and an older demand arrive between two requests: the next page neither repeats nor skips one.
        var newer = AddDemands((t0.AddMinutes(30), $"{marker} 新来的", null))[0].Id;
        var older = AddDemands((t0.AddMinutes(-30), $"{marker} 补录的", null))[0].Id;
        var second = await api.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Next(first)!)}");
        Assert.Equal(newestFirst[3..6], Ids(second));
        Assert.Equal(9, second.GetProperty("total").GetInt32());
        var third = await api.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Next(second)!)}");
        Assert.Equal([newestFirst[6], older], Ids(third));
        Assert.Null(Next(third));

        // Back from the second page: the first page's rows; back again reaches the start, shown as a whole first page.
        var back = await api.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Previous(second)!)}");
        Assert.Equal(newestFirst[..3], Ids(back));
        var start = await api.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Previous(back)!)}");
        Assert.Equal([newer, .. newestFirst[..2]], Ids(start));
        Assert.Null(Previous(start));

        // The old page numbers still work for small sets.
        Assert.Equal(newestFirst[2..5], Ids(await api.GetFromJsonAsync<JsonElement>($"{url}&page=2")));

        // The page takes the same cursors (20 rows a page there): after the first page's third row come the rest, newest first.
        var pages = await app.PagesAs("street");
        Assert.Contains("共 9 条", await pages.GetStringAsync($"/demands?q={Uri.EscapeDataString(marker)}"));
        var html = await pages.GetStringAsync($"/demands?q={Uri.EscapeDataString(marker)}&cursor={Uri.EscapeDataString(Next(first)!)}");
        var shown = Regex.Matches(html, "href=\"/demands/([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([.. newestFirst[3..], older], shown);
        Assert.Matches("rel=\"prev\" href=\"[^\"#]*cursor=", html);
    }

    [Fact]
    public async Task A_cursor_changed_by_hand_or_from_another_list_is_a_400_in_Chinese_on_the_API_and_the_page()
    {
        var marker = "游标" + Guid.NewGuid().ToString("N")[..8];
        var t0 = new DateTime(2021, 5, 1, 2, 0, 0, DateTimeKind.Utc);
        AddDemands(Enumerable.Range(0, 3).Select(i => (t0.AddMinutes(i), $"{marker} 第{i}件", (string?)null)).ToArray());
        var api = await app.ApiAs("street");
        var url = $"/api/v1/demands?q={Uri.EscapeDataString(marker)}&pageSize=2";
        var next = Next(await api.GetFromJsonAsync<JsonElement>(url))!;
        var tampered = next[..10] + (next[10] == 'A' ? 'B' : 'A') + next[11..];
        var members = Next(await api.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=1"));
        foreach (var bad in new[] { tampered, next[..^3], "not-a-cursor", members! })
        {
            var response = await api.GetAsync($"{url}&cursor={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("分页游标无效", await response.Content.ReadAsStringAsync());
        }
        var pages = await app.PagesAs("street");
        var page = await pages.GetAsync($"/demands?q={Uri.EscapeDataString(marker)}&cursor={Uri.EscapeDataString(tampered)}");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("分页游标无效", await page.Content.ReadAsStringAsync());
        var roster = await pages.GetAsync($"/members?cursor={Uri.EscapeDataString(tampered)}");
        Assert.Equal(HttpStatusCode.BadRequest, roster.StatusCode);
        Assert.Contains("分页游标无效", await roster.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Beyond_the_count_cap_the_total_is_a_lower_bound_shown_with_a_plus()
    {
        var marker = "封顶" + Guid.NewGuid().ToString("N")[..8];
        var t0 = new DateTime(2021, 6, 1, 2, 0, 0, DateTimeKind.Utc);
        AddDemands(Enumerable.Range(0, 6).Select(i => (t0.AddMinutes(i), $"{marker} 第{i}件", (string?)null)).ToArray());
        var options = app.Services.GetRequiredService<IOptions<ListOptions>>().Value;
        var cap = options.CountCap;
        options.CountCap = 4;
        try
        {
            var api = await app.ApiAs("street");
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={Uri.EscapeDataString(marker)}&pageSize=2");
            Assert.Equal(4, page.GetProperty("total").GetInt32());
            Assert.True(page.GetProperty("totalIsLowerBound").GetBoolean());
            var exact = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={Uri.EscapeDataString(marker + " 第1件")}");
            Assert.Equal(1, exact.GetProperty("total").GetInt32());
            Assert.False(exact.GetProperty("totalIsLowerBound").GetBoolean());
            var html = WebUtility.HtmlDecode(await (await app.PagesAs("street")).GetStringAsync($"/demands?q={Uri.EscapeDataString(marker)}"));
            Assert.Contains("共 4+ 条", html);
            Assert.Contains("共 4+ 人", WebUtility.HtmlDecode(await (await app.PagesAs("street")).GetStringAsync("/members")));
        }
        finally { options.CountCap = cap; }
    }

    [Fact]
    public async Task A_page_and_its_total_are_read_in_one_statement_and_a_page_past_the_end_still_tells_the_total()
    {
        var marker = "一句" + Guid.NewGuid().ToString("N")[..8];
        var t0 = new DateTime(2021, 10, 1, 2, 0, 0, DateTimeKind.Utc);
        AddDemands(Enumerable.Range(0, 3).Select(i => (t0.AddMinutes(i), $"{marker} 第{i}件", (string?)null)).ToArray());
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("street")).DefaultRequestHeaders.Authorization;
        var list = $"/api/v1/demands?q={Uri.EscapeDataString(marker)}&pageSize=2";

        JsonElement first = default;
        var sent = await counter.CountAsync(async () => first = await api.GetFromJsonAsync<JsonElement>(list));
        Assert.Equal(2, Ids(first).Count);
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Single(sent, sql => sql.Contains("dem_demands"));

        var second = await api.GetFromJsonAsync<JsonElement>($"{list}&cursor={Uri.EscapeDataString(Next(first)!)}");
        Assert.Single(Ids(second));
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        var beyond = await api.GetFromJsonAsync<JsonElement>($"{list}&page=5");
        Assert.Empty(Ids(beyond));
        Assert.Equal(3, beyond.GetProperty("total").GetInt32());
        var none = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={Uri.EscapeDataString(marker + "无此")}");
        Assert.Empty(Ids(none));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Demand_search_finds_exactly_the_demands_containing_the_text_for_one_two_or_more_characters()
    {
        var t0 = new DateTime(2021, 7, 1, 2, 0, 0, DateTimeKind.Utc);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var d = AddDemands(
            (t0, $"鼋头渚路灯不亮 Zq{tag}", "甪直镇 7394号"),
            (t0.AddMinutes(1), "甪直镇垃圾未清", null),
            (t0.AddMinutes(2), "鼋", "鼋鼍巷"),
            (t0.AddMinutes(3), $"ZQ{tag} 大写", null));
        var api = await app.ApiAs("street");
        async Task<List<Guid>> Search(string q) =>
            Ids(await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?pageSize=100&q={Uri.EscapeDataString(q)}")).Order().ToList();
        List<Guid> Of(params int[] i) => i.Select(x => d[x].Id).Order().ToList();

        Assert.Equal(Of(0, 2), await Search("鼋"));                 // one character: description or address
        Assert.Equal(Of(0, 1), await Search("甪直"));               // two: the address of one, the description of the other
        Assert.Equal(Of(1), await Search("甪直镇垃圾"));            // more
        Assert.Equal(Of(2), await Search("鼋鼍"));                  // the address only
        Assert.Equal(Of(0), await Search($"Zq{tag}"));             // Latin letters and digits, as typed
        Assert.Equal(Of(0), await Search("394号"));                 // digits inside a run
        Assert.Equal(Of(1), await Search(d[1].Ticket[^8..].ToLowerInvariant())); // part of a ticket number, any case
        Assert.Equal(Of(3), await Search(d[3].Ticket));
        Assert.Empty(await Search("鼋甪"));                         // no match
        Assert.Empty(await Search("鼋头渚甪"));

        // The index itself (not a scan) answers the candidates, the same on both providers.
        var candidates = app.WithDb(db => SearchTerms.Candidates(db, db.Demands, "dem_demands", "鼋")!.Select(x => x.Id).ToList());
        Assert.Equal(Of(0, 2), candidates.Order().ToList());
    }

    [Fact]
    public async Task A_whole_ticket_number_in_any_case_finds_its_demand_through_the_ticket_index_and_a_part_of_it_through_the_search_index()
    {
        var t0 = new DateTime(2021, 8, 1, 2, 0, 0, DateTimeKind.Utc);
        var d = AddDemands((t0, "整号查找", null), (t0.AddMinutes(1), "整号查找之二", null));
        var counter = new QueryCounter();
        using var host = QueryCounter.On(app, counter);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = (await app.ApiAs("street")).DefaultRequestHeaders.Authorization;
        List<Guid> found = [];
        async Task Search(string q) => found = Ids(await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?pageSize=100&q={Uri.EscapeDataString(q)}"));
        static bool Bigrams(string sql) => sql.Contains("tsquery") || sql.Contains("_fts");

        var sent = await counter.CountAsync(() => Search(d[0].Ticket.ToLowerInvariant()));
        Assert.Equal([d[0].Id], found);
        Assert.DoesNotContain(sent, Bigrams);

        sent = await counter.CountAsync(() => Search(d[1].Ticket[..12]));
        Assert.Equal([d[1].Id], found);
        Assert.Contains(sent, Bigrams);
    }

    [Fact]
    public async Task The_search_text_backfill_fills_every_row_a_raw_load_left_without_it_across_batches()
    {
        var t0 = new DateTime(2021, 9, 1, 2, 0, 0, DateTimeKind.Utc);
        var marker = "回填" + Guid.NewGuid().ToString("N")[..8];
        var d = AddDemands(Enumerable.Range(0, 600).Select(i => (t0.AddSeconds(i), $"{marker} 第{i}件", (string?)null)).ToArray());
        var ids = d.Select(x => x.Id).ToList();
        app.WithDb(db => db.Demands.AcrossScope().Where(x => ids.Contains(x.Id))
            .ExecuteUpdate(s => s.SetProperty(x => EF.Property<string?>(x, "SearchText"), (string?)null)));
        var api = await app.ApiAs("street");
        async Task<int> Total() => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands?pageSize=1&q={Uri.EscapeDataString(marker)}")).GetProperty("total").GetInt32();
        Assert.Equal(0, await Total());

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(app.Services.GetRequiredService<Tenancy>().DefaultTenantId);
        var written = await new SearchTextBackfill<Demand>("dem_demands").RebuildAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), default);

        Assert.True(written >= 600, $"{written} rows written");
        Assert.Equal(600, await Total());
        Assert.Equal(0, app.WithDb(db => db.Demands.AcrossScope().Count(x => EF.Property<string?>(x, "SearchText") == null)));
    }

    [Fact]
    public async Task The_roster_pages_by_cursor_and_finds_two_character_names()
    {
        var (_, _, grid, _) = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var names = new[] { "鼋一", "鼋二", "鼋三丰", "欧阳鼋", "鼍" };
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            var created = await secretary.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(grid.Id, name));
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        async Task<List<Guid>> Search(string q) =>
            Ids(await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/members?pageSize=200&q={Uri.EscapeDataString(q)}")).Order().ToList();
        List<Guid> Of(params int[] i) => i.Select(x => ids[x]).Order().ToList();

        Assert.Equal(Of(0, 1, 2, 3), await Search("鼋"));
        Assert.Equal(Of(1), await Search("鼋二"));
        Assert.Equal(Of(2), await Search("鼋三丰"));
        Assert.Equal(Of(4), await Search("鼍"));
        Assert.Empty(await Search("鼋鼍"));

        // Two at a time by cursor: the same rows in the same order as by page number.
        var url = $"/api/v1/members?pageSize=2&q={Uri.EscapeDataString("鼋")}";
        var byNumber = new List<Guid>();
        for (var p = 1; p <= 2; p++) byNumber.AddRange(Ids(await secretary.GetFromJsonAsync<JsonElement>($"{url}&page={p}")));
        var first = await secretary.GetFromJsonAsync<JsonElement>(url);
        var second = await secretary.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Next(first)!)}");
        Assert.Equal(byNumber, [.. Ids(first), .. Ids(second)]);
        Assert.Null(Next(second));
        Assert.Equal(Ids(first), Ids(await secretary.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Previous(second)!)}")));

        var html = await (await app.PagesAs("secretary")).GetStringAsync($"/members?Q={Uri.EscapeDataString("鼋")}");
        Assert.Contains("共 4 人", html);
    }

    [Fact]
    public async Task The_audit_log_pages_by_cursor_through_the_same_entries_as_by_number()
    {
        var api = await app.ApiAs("admin");
        const string url = "/api/v1/audit/entries?action=Insert&pageSize=3";
        var byNumber = new List<Guid>();
        for (var p = 1; p <= 2; p++) byNumber.AddRange(Ids(await api.GetFromJsonAsync<JsonElement>($"{url}&page={p}")));
        var first = await api.GetFromJsonAsync<JsonElement>(url);
        var second = await api.GetFromJsonAsync<JsonElement>($"{url}&cursor={Uri.EscapeDataString(Next(first)!)}");
        Assert.Equal(6, byNumber.Distinct().Count());
        Assert.Equal(byNumber, [.. Ids(first), .. Ids(second)]);
        var bad = await api.GetAsync($"{url}&cursor={Uri.EscapeDataString(Next(first)!)}x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public void Search_text_is_bigrams_plus_the_last_character_of_each_run()
    {
        Assert.Equal("张小 小明 明", SearchTerms.Of("张小明"));
        Assert.Equal("李 a 12 2", SearchTerms.Of("李", "A-12"));
        Assert.Equal("", SearchTerms.Of(null, " ，"));
        Assert.Equal([("张", true)], SearchTerms.Query("张"));
        Assert.Equal([("张小", false), ("小明", false)], SearchTerms.Query("张小明"));
        Assert.Empty(SearchTerms.Query("？ "));
    }
}
