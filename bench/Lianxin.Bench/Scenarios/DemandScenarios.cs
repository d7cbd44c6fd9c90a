using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Text.Json;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Platform.Lists;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// The demands of one street (QH01), <c>--demands N</c> of them (2,000,000 by default), spread over the last two
/// years across its grid branches, categories, levels and states, loaded once by PostgreSQL itself
/// (<c>INSERT … SELECT … FROM generate_series</c>, no rows through .NET) and reused while the count matches.
/// Ticket numbers start with <c>BN</c>, so reloading replaces only the bench's own demands.
/// </summary>
public static class DemandData
{
    public const string TicketPrefix = "BN";

    public sealed record Target(Guid StreetId, string StreetPath, string StreetName, string ScopePath, long Demands, Guid UserId);

    public static async Task<Target> EnsureAsync(ScenarioContext ctx, CancellationToken ct)
    {
        if (ctx.Database.Provider != Provider.Postgres)
            throw new InvalidOperationException("the demand scenarios load their demands with PostgreSQL's generate_series: run them with --provider postgres (bench/with-postgres.sh)");
        var t = ("@t", ctx.Id(ctx.TenantId));
        var street = await ctx.RowAsync(new Sql("""SELECT "Id", "Path", "ShortName" FROM org_units WHERE "TenantId" = @t AND "Kind" = 'Street' AND "Code" = 'QH01'""", t), ct)
            ?? throw new InvalidOperationException("the district has no street QH01");
        var streetId = (Guid)street["Id"]!;
        var streetPath = (string)street["Path"]!;
        // The bench user's one grant decides what the app's scope filter adds; the baselines add the same.
        var grant = await ctx.RowAsync(new Sql("""
            SELECT g."OrgPath", u."Id" FROM idn_role_grants g JOIN idn_users u ON u."Id" = g."UserId" WHERE u."UserName" = @u
            """, ("@u", BenchApp.UserName)), ct) ?? throw new InvalidOperationException("the bench user has no grant");
        var scopePath = (string)grant["OrgPath"]!;
        var wanted = ctx.Database.Options.Demands;

        var have = await ctx.RowAsync(new Sql("""SELECT COUNT(*) AS "N" FROM dem_demands WHERE "TenantId" = @t AND "TicketNo" LIKE 'BN%'""", t), ct);
        if (Convert.ToInt64(have!["N"]) != wanted)
            await LoadAsync(ctx, streetId, streetPath, wanted, ct);
        else
        {
            Console.WriteLine($"==> reusing {wanted:N0} demands in {street["ShortName"]}");
            // Demands fall due while a loaded database waits (a few a day, which the job's next pass takes in one batch), and
            // loads older than ADR 0056 left most late ones unflagged: more than a batch is caught up here as the escalation job
            // would have, so that it does not work through them during the measurement.
            var late = await ctx.RowAsync(new Sql($"""SELECT COUNT(*) AS "N" FROM (SELECT 1 FROM dem_demands WHERE {LateSql} LIMIT 201) x""", t, ("@now", DateTime.UtcNow)), ct);
            if (Convert.ToInt64(late!["N"]) > 200)
            {
                await using var paused = await JobsPause.StartAsync(ctx.Database, ctx.TenantId, ctx.JobNames, ct);
                var sw = Stopwatch.StartNew();
                var changed = await SettleAsync(ctx, streetPath, DateTime.UtcNow, ct);
                await RebuildAggregatesAsync(ctx, ct);
                Console.WriteLine($"==> {changed:N0} late demands escalated or flagged as the escalation job would, figures rebuilt ({sw.Elapsed.TotalSeconds:0.0} s)");
            }
        }
        return new Target(streetId, streetPath, (string)street["ShortName"]!, scopePath, wanted, (Guid)grant["Id"]!);
    }

    static async Task LoadAsync(ScenarioContext ctx, Guid streetId, string streetPath, long n, CancellationToken ct)
    {
        var conn = ctx.Connection;
        var t = ("@t", ctx.Id(ctx.TenantId));
        async Task<int> Exec(string sql, params (string, object?)[] p)
        {
            await using var c = BaselineRunner.Command(conn, new Sql(sql, p));
            c.CommandTimeout = 0;
            return await c.ExecuteNonQueryAsync(ct);
        }
        var sw = Stopwatch.StartNew();
        // The app already runs: its jobs (escalation above all) stay off these demands until they are loaded and indexed.
        await using var paused = await JobsPause.StartAsync(ctx.Database, ctx.TenantId, ctx.JobNames, ct);
        await Exec("""DELETE FROM dem_demands WHERE "TenantId" = @t AND "TicketNo" LIKE 'BN%'""", t);

        // The street's categories as the app would seed them.
        var cats = new List<(Guid Id, string Name)>();
        await using (var cmd = BaselineRunner.Command(conn, new Sql("""SELECT "Id", "Name" FROM dem_categories WHERE "TenantId" = @t AND "StreetId" = @s ORDER BY "SortOrder" """, t, ("@s", streetId))))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) cats.Add((r.GetGuid(0), r.GetString(1)));
        if (cats.Count == 0)
        {
            var i = 0;
            foreach (var c in Categories.Defaults)
            {
                var id = Guid.CreateVersion7();
                await Exec("""
                    INSERT INTO dem_categories ("Id", "TenantId", "StreetId", "OrgPath", "Name", "DefaultLevel", "ResponseHours", "ResolveDays", "ServiceMode", "SortOrder", "Active")
                    VALUES (@id, @t, @s, @p, @n, @l, @h, @d, @m, @o, TRUE)
                    """, ("@id", id), t, ("@s", streetId), ("@p", streetPath), ("@n", c.Name), ("@l", c.Level.ToString()), ("@h", c.Hours), ("@d", c.Days),
                    ("@m", c.Mode.ToString()), ("@o", i++));
                cats.Add((id, c.Name));
            }
        }

        // Where demands are placed: the street's grid branches, each with its community.
        var grids = new List<(Guid Id, string Path, Guid CommunityId, string CommunityPath)>();
        await using (var cmd = BaselineRunner.Command(conn, new Sql("""
            SELECT b."Id", b."Path", c."Id", c."Path" FROM org_units b JOIN org_units c ON c."TenantId" = b."TenantId" AND c."Id" = b."ParentId"
            WHERE b."TenantId" = @t AND b."Kind" = 'Branch' AND b."BranchKind" = 'Grid' AND b."Path" LIKE @under ORDER BY b."Path"
            """, t, ("@under", streetPath + "%"))))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) grids.Add((r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3)));
        if (grids.Count == 0) throw new InvalidOperationException("street QH01 has no grid branches");

        // Deterministic spread by the row number g: 50% grid, 30% community, 20% street; mostly closed and rated;
        // the newest rows have the highest g. Times are spread evenly over two years up to now.
        var now = DateTime.UtcNow;
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(730).Ticks / n);
        const int Batch = 250_000;
        for (long from = 1; from <= n; from += Batch)
        {
            var to = Math.Min(n, from + Batch - 1);
            await Exec("""
                INSERT INTO dem_demands ("Id", "TicketNo", "CategoryId", "CategoryName", "Description", "StreetId", "CommunityId", "GridUnitId", "CompoundId",
                    "Address", "ContactName", "ContactPhoneCipher", "PhoneTail", "Source", "ServiceMode", "AppointmentAt", "OrgPath", "Level", "HandlerUnitId",
                    "HandlerPath", "State", "CreatedAt", "LevelSince", "ResponseDueAt", "ResolveDueAt", "FirstResponseAt", "FirstResponseDueAt", "ResolvedAt",
                    "ResolveHours", "ClosedAt", "Overdue", "Outcome", "Rating", "RatingNote", "ReopenCount", "MergedIntoId", "IdempotencyKey", "Version", "TenantId")
                SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BN' || lpad(g::text, 10, '0'),
                    (@catIds)[c], (@catNames)[c],
                    '第' || g || '号诉求：楼道灯不亮，垃圾清运不及时，请尽快处理。', @s, (@comIds)[1 + u], (@gridIds)[1 + u], NULL,
                    NULL, '测试居民', 'clear:138' || lpad((g % 100000000)::text, 8, '0'), lpad((g % 10000)::text, 4, '0'), 'Public', 'None', NULL, (@gridPaths)[1 + u], lvl,
                    CASE lvl WHEN 'Grid' THEN (@gridIds)[1 + u] WHEN 'Community' THEN (@comIds)[1 + u] ELSE @s END,
                    CASE lvl WHEN 'Grid' THEN (@gridPaths)[1 + u] WHEN 'Community' THEN (@comPaths)[1 + u] ELSE @sp END,
                    st, created, created,
                    CASE WHEN st = 'Submitted' THEN created + interval '8 hours' END,
                    CASE WHEN st IN ('Submitted', 'Accepted', 'Dispatched') THEN created + interval '7 days' END,
                    CASE WHEN st <> 'Submitted' THEN created + (g % 13) * interval '1 hour' END,
                    created + interval '8 hours',
                    CASE WHEN st IN ('Resolved', 'Closed') THEN created + (g % 97) * interval '1 hour' END,
                    CASE WHEN st IN ('Resolved', 'Closed') THEN (g % 97) * 0.4 END,
                    CASE WHEN st = 'Closed' THEN created + (g % 97 + 24) * interval '1 hour' END,
                    FALSE,
                    CASE WHEN st IN ('Resolved', 'Closed') THEN '已处理完毕。' END,
                    CASE WHEN st = 'Closed' THEN CASE WHEN g % 10 < 7 THEN 'Satisfied' WHEN g % 10 < 9 THEN 'BasicallySatisfied' ELSE 'Unsatisfied' END END,
                    NULL, 0, NULL, NULL, 0, @t
                FROM (
                    SELECT g, ((g * 7919) % @ng)::int AS u, (1 + g % @nc)::int AS c,
                        CASE WHEN g % 10 < 5 THEN 'Grid' WHEN g % 10 < 8 THEN 'Community' ELSE 'Street' END AS lvl,
                        CASE WHEN (g * 31) % 100 < 8 THEN 'Submitted' WHEN (g * 31) % 100 < 20 THEN 'Accepted' WHEN (g * 31) % 100 < 25 THEN 'Dispatched'
                             WHEN (g * 31) % 100 < 35 THEN 'Resolved' WHEN (g * 31) % 100 < 97 THEN 'Closed' WHEN (g * 31) % 100 < 99 THEN 'Rejected'
                             ELSE 'Merged' END AS st,
                        @now - (@n - g) * @step AS created
                    FROM generate_series(@from, @to) AS g) AS x
                """, t, ("@catIds", cats.Select(c => c.Id).ToArray()), ("@catNames", cats.Select(c => c.Name).ToArray()), ("@nc", cats.Count),
                ("@s", streetId), ("@sp", streetPath), ("@gridIds", grids.Select(x => x.Id).ToArray()), ("@gridPaths", grids.Select(x => x.Path).ToArray()),
                ("@comIds", grids.Select(x => x.CommunityId).ToArray()), ("@comPaths", grids.Select(x => x.CommunityPath).ToArray()), ("@ng", grids.Count),
                ("@now", now), ("@n", n), ("@step", step), ("@from", from), ("@to", to));
            Console.WriteLine($"    {to:N0} / {n:N0} demands ({sw.Elapsed.TotalSeconds:0} s)");
        }
        var settled = await SettleAsync(ctx, streetPath, now, ct);
        Console.WriteLine($"    {settled:N0} late demands escalated or flagged as the escalation job would ({sw.Elapsed.TotalSeconds:0} s)");
        await Exec("ANALYZE dem_demands");
        await RebuildAggregatesAsync(ctx, ct);
        Console.WriteLine($"==> loaded {n:N0} demands into street QH01 across {grids.Count} grid branches in {sw.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Open bench demands past a deadline that nobody flagged yet: what <see cref="EscalationJob"/> looks for.</summary>
    const string LateSql = """
        "TenantId" = @t AND "TicketNo" LIKE 'BN%' AND NOT "Overdue"
        AND (("State" = 'Submitted' AND "ResponseDueAt" < @now) OR ("State" IN ('Submitted', 'Accepted', 'Dispatched') AND "ResolveDueAt" < @now))
        """;

    /// <summary>
    /// Leaves the bench's demands as <see cref="EscalationJob"/>, passing every minute since they came in, would have: a late
    /// demand below the street went up one level when it fell due (a new handler, waiting to be accepted, fresh limits from
    /// then: the loader's flat 8 hours and 7 days), until it reached the street, where lateness is flagged (亮灯); a dispatched
    /// one is flagged where it is. Without this the job works through ≈ 117,000 late demands of a 500,000 load for hours,
    /// during every measurement (issue 15, ADR 0056). The job's steps (自动上报, 超时预警) are not written: the loader writes
    /// no steps for its demands at all. Answers how many demands changed.
    /// </summary>
    static async Task<int> SettleAsync(ScenarioContext ctx, string streetPath, DateTime now, CancellationToken ct)
    {
        var t = ("@t", ctx.Id(ctx.TenantId));
        var changed = 0;
        // One level per statement; the loader's demands start at most two levels below the street (grid, community).
        for (var pass = 0; pass < 3; pass++)
        {
            // A grid's parent is its community (the loader places them so), whose path is the grid's path less its last segment.
            await using var up = BaselineRunner.Command(ctx.Connection, new Sql("""
                WITH late AS (
                    SELECT "Id", LEAST(CASE WHEN "State" = 'Submitted' THEN "ResponseDueAt" END, "ResolveDueAt") AS at FROM dem_demands
                    WHERE "TenantId" = @t AND "TicketNo" LIKE 'BN%' AND NOT "Overdue" AND "State" IN ('Submitted', 'Accepted') AND "Level" <> 'Street')
                UPDATE dem_demands d SET
                    "Level" = CASE WHEN d."Level" = 'Community' THEN 'Street' ELSE 'Community' END,
                    "HandlerUnitId" = CASE WHEN d."Level" = 'Community' THEN d."StreetId" ELSE d."CommunityId" END,
                    "HandlerPath" = CASE WHEN d."Level" = 'Community' THEN @sp ELSE regexp_replace(d."OrgPath", '[^/]+/$', '') END,
                    "State" = 'Submitted', "LevelSince" = late.at, "ResponseDueAt" = late.at + interval '8 hours',
                    "ResolveDueAt" = late.at + interval '7 days', "FirstResponseDueAt" = COALESCE(d."FirstResponseDueAt", late.at + interval '8 hours'),
                    "Version" = d."Version" + 1
                FROM late WHERE d."TenantId" = @t AND d."Id" = late."Id" AND late.at < @now
                """, t, ("@sp", streetPath), ("@now", now)));
            up.CommandTimeout = 0;
            var moved = await up.ExecuteNonQueryAsync(ct);
            changed += moved;
            if (moved == 0) break;
        }
        await using var flag = BaselineRunner.Command(ctx.Connection, new Sql($"""
            UPDATE dem_demands SET "Overdue" = TRUE, "Version" = "Version" + 1 WHERE {LateSql} AND ("Level" = 'Street' OR "State" = 'Dispatched')
            """, t, ("@now", now)));
        flag.CommandTimeout = 0;
        return changed + await flag.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The rows bypassed EF, so what the app keeps on SaveChanges (the daily figures of ADR 0035, the search text of ADR 0036)
    /// is recomputed from them by the app's own aggregates, as rebuild-aggregates does.
    /// </summary>
    static async Task RebuildAggregatesAsync(ScenarioContext ctx, CancellationToken ct)
    {
        await using (var db = ctx.Database.ModelContext(ctx.TenantId))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var aggregate in db.Modules.Modules.SelectMany(m => m.Aggregates)) await aggregate.RebuildAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        foreach (var table in new[] { "dem_demands", "dem_daily_figures", "dem_monthly_figures" })
        {
            await using var analyze = BaselineRunner.Command(ctx.Connection, new Sql($"ANALYZE {table}"));
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The scope filter EF adds to every demand query for the bench user (one grant: a plain prefix).</summary>
    public const string ScopeSql = """ "TenantId" = @t AND "OrgPath" LIKE @scope """;

    public static (string, object?) Scope(Target target) => ("@scope", target.ScopePath + "%");

    /// <summary>The two statements of every signed-in request (the caller, their grants: OrgScopeMiddleware), as the app sends them.</summary>
    public static Sql[] SignIn(ScenarioContext ctx, Target target) =>
    [
        new("""SELECT "UserName", "TenantId", "IsDisabled", "SecurityStamp" FROM idn_users WHERE "Id" = @u LIMIT 1""", ("@u", target.UserId)),
        new("""
            SELECT "Id", "GrantedAt", "GrantedBy", "OrgPath", "OrgUnitId", "Role", "TenantId", "UserId" FROM idn_role_grants
            WHERE "UserId" = @u AND "TenantId" = @t ORDER BY length("OrgPath")::int, "Role"
            """, ("@u", target.UserId), ("@t", ctx.Id(ctx.TenantId))),
    ];
}

/// <summary>
/// The demand list of a street with millions of demands: first page, a state filter, a deep page, a ticket search,
/// and the list page. The baseline is the SQL of the same query: the page with its count, and the handler names.
/// </summary>
public sealed class DemandListScenario : Scenario
{
    public override string Name => "demand-list";
    public override string Description => "demand list of a street with --demands N (2,000,000) demands: pages, filter, search vs the same SQL";

    public override async Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var target = await DemandData.EnsureAsync(ctx, ct);
        var t = ("@t", ctx.Id(ctx.TenantId));
        var scope = DemandData.Scope(target);
        var names = new Sql("""
            SELECT "Id", "ParentId", "Path", "Depth", "Kind", "BranchKind", "Name", "ShortName", "Code", "Status", "SortOrder"
            FROM org_units WHERE "TenantId" = @t AND "Id" = ANY(@ids)
            """, t, ("@ids", await HandlersAsync(ctx, target, ct)));
        var signIn = DemandData.SignIn(ctx, target);
        var columns = """ "Id", "TicketNo", "CategoryName", "Description", "State", "Level", "HandlerUnitId", "CreatedAt", "ResolveDueAt", "Overdue" """;
        // The statements the app sends (captured with --show-sql, 2026-12-02): the sign-in, the page with its count capped at
        // Lists:CountCap + 1 in the same statement (ADR 0036, issue 15), the handlers' units. The rows of a filter or a search come from `source`.
        Sql[] List(string source, string where, int offset, params (string, object?)[] p) =>
        [
            .. signIn,
            new($"""
                SELECT {columns}, (SELECT COUNT(*)::int FROM (SELECT 1 FROM {source} d WHERE {DemandData.ScopeSql} {where} LIMIT 10001) c) AS "Total"
                FROM {source} d WHERE {DemandData.ScopeSql} {where} ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT 21 OFFSET {offset}
                """, [t, scope, .. p]),
            names,
        ];
        var ticket = $"BN{target.Demands / 3:0000000000}";
        // Search (ADR 0036): the bigram index's candidates (GIN over the search text), then the exact substring test on them.
        var terms = ("@terms", string.Join(" & ", SearchTerms.Query(ticket).Select(x => $"'{x.Term}'" + (x.Prefix ? ":*" : ""))));
        const string candidates = """(SELECT * FROM dem_demands WHERE array_to_tsvector(string_to_array("SearchText", ' ')) @@ CAST(@terms AS tsquery))""";
        const string contains = """AND ("TicketNo" LIKE @upper OR "Description" LIKE @text OR ("Address" IS NOT NULL AND "Address" LIKE @text))""";
        (string, object?)[] searchValues = [terms, ("@upper", $"%{ticket.ToUpperInvariant()}%"), ("@text", $"%{ticket}%")];
        // The least a search for one ticket number needs: the caller in one join, then one statement through the ticket's own unique
        // index; a page that is not full needs no count.
        Sql[] idealSearch =
        [
            new("""
                SELECT u."SecurityStamp", u."IsDisabled", g."Role", g."OrgUnitId", g."OrgPath"
                FROM idn_users u JOIN idn_role_grants g ON g."UserId" = u."Id" AND g."TenantId" = u."TenantId" WHERE u."Id" = @u
                """, ("@u", target.UserId)),
            new($"""SELECT {columns} FROM dem_demands WHERE {DemandData.ScopeSql} AND "TicketNo" = @q ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT 21""",
                t, scope, ("@q", ticket)),
        ];
        // What the app sends since ADR 0045 for a whole ticket number: the sign-in, whether the ticket exists in scope (its unique
        // index), then the list statements with "TicketNo" = @q. The bigram search of ADR 0036 stays as the "bigram" baseline.
        var byTicket = ("@q", ticket);
        Sql[] sameSearch =
        [
            .. signIn,
            new($"""SELECT EXISTS (SELECT 1 FROM dem_demands d WHERE {DemandData.ScopeSql} AND "TicketNo" = @q)""", t, scope, byTicket),
            .. List("dem_demands", """AND "TicketNo" = @q""", 0, byTicket).Skip(signIn.Length),
        ];
        return
        [
            new("list", "/api/v1/demands?pageSize=20", Caller.Api, List("dem_demands", "", 0), body => Check(body, target.Demands)),
            new("list-state", "/api/v1/demands?state=Submitted&pageSize=20", Caller.Api, List("dem_demands", """AND "State" = 'Submitted'""", 0), body => Check(body, null)),
            new("list-deep", "/api/v1/demands?page=500&pageSize=20", Caller.Api, List("dem_demands", "", 9980), body => Check(body, target.Demands)),
            new("search", $"/api/v1/demands?q={ticket}&pageSize=20", Caller.Api,
                [new Baseline("same", sameSearch), new Baseline("bigram", List(candidates, contains, 0, searchValues)), new Baseline("ideal", idealSearch)],
                body => body.Contains(ticket) ? null : $"the search does not find {ticket}"),
            new("page", "/demands", Caller.Page, List("dem_demands", "", 0), body => body.Contains("群众诉求") ? null : "not the demand list page"),
        ];
    }

    /// <summary>The handlers of the first page (the names the list looks up).</summary>
    static async Task<Guid[]> HandlersAsync(ScenarioContext ctx, DemandData.Target target, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var cmd = BaselineRunner.Command(ctx.Connection, new Sql($"""
            SELECT DISTINCT "HandlerUnitId" FROM (SELECT "HandlerUnitId" FROM dem_demands WHERE {DemandData.ScopeSql}
            ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT 20) x
            """, ("@t", ctx.Id(ctx.TenantId)), DemandData.Scope(target)));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return [.. ids];
    }

    static string? Check(string body, long? total)
    {
        using var doc = JsonDocument.Parse(body);
        var items = doc.RootElement.GetProperty("items").GetArrayLength();
        if (items != 20) return $"expected 20 items, got {items}";
        var got = doc.RootElement.GetProperty("total").GetInt64();
        // Beyond the count cap the total is a lower bound (ADR 0036).
        if (doc.RootElement.TryGetProperty("totalIsLowerBound", out var lower) && lower.GetBoolean()) return got < Math.Min(total ?? 1, 10_000) ? $"a lower bound of {got:N0}" : null;
        return total is { } want && got < want * 0.99 ? $"expected about {want:N0} in total, got {got:N0}" : null;
    }
}

/// <summary>
/// The figures of a street with millions of demands: the default 30 days, a whole year, and the figures page.
/// The baseline is the SQL the app sends: the unit, the category × level × handler sums over dem_monthly_figures for months
/// and dem_daily_figures for the days of partial months and those subtracted (ADR 0045, 0049), the slowest handlers' names.
/// </summary>
public sealed class DemandFiguresScenario : Scenario
{
    public override string Name => "demand-figures";
    public override string Description => "demand figures of a street with --demands N (2,000,000) demands: 30 days, a year, the page vs the same SQL";

    public override async Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var target = await DemandData.EnsureAsync(ctx, ct);
        var t = ("@t", ctx.Id(ctx.TenantId));
        var scope = DemandData.Scope(target);
        var offset = TimeSpan.FromHours(8);
        var today = DateOnly.FromDateTime(DateTime.UtcNow + offset);

        Sql[] Figures(DateOnly from, DateOnly to)
        {
            // Since ADR 0035 the app sums maintained rows of the street's path range; since ADR 0045/0049 months from
            // dem_monthly_figures, the days of partial months from dem_daily_figures, minus the days outside the period of a month
            // read whole: per source one GROUP BY (category × level × handler), added up and ranked in the app.
            var spans = FigureSpans.Of(from, to, today);
            (string, object?)[] under = [t, scope, ("@root", target.StreetPath), ("@end", target.StreetPath[..^1] + "0")];
            const string range = """ "TenantId" = @t AND "OrgPath" LIKE @scope AND "OrgPath" >= @root AND "OrgPath" < @end """;
            var sources = new List<(string Table, string Where, (string, object?)[] P)>();
            foreach (var days in new[] { spans.Days, spans.Minus }.Where(d => d.Count > 0))
            {
                var between = days.Select((_, i) => $"""("Day" >= @a{i} AND "Day" <= @b{i})""");
                sources.Add(("dem_daily_figures", $"WHERE {range} AND ({string.Join(" OR ", between)})",
                    [.. under, .. days.SelectMany((d, i) => new (string, object?)[] { ($"@a{i}", d.From), ($"@b{i}", d.To) })]));
            }
            if (spans.FirstMonth is not null)
                sources.Add(("dem_monthly_figures", $"""WHERE {range} AND "Month" >= @m1 AND "Month" <= @m2""", [.. under, ("@m1", spans.FirstMonth), ("@m2", spans.LastMonth)]));
            return
            [
                new("""
                    SELECT "Id", "Path", "Name", "ShortName" FROM org_units WHERE "TenantId" = @t AND "Path" LIKE @scope AND "Id" = @id LIMIT 1
                    """, t, scope, ("@id", target.StreetId)),
                .. sources.Select(x => new Sql($"""
                    SELECT "CategoryName", "Level", "HandlerUnitId", SUM("Received"), SUM("Responded"), SUM("RespondedInTime"), SUM("Resolved"),
                        SUM("ResolvedWithTime"), SUM("Timed"), SUM("Hours"), SUM("Overdue"), SUM("Satisfied"), SUM("BasicallySatisfied"), SUM("Unsatisfied")
                    FROM {x.Table} {x.Where}
                    GROUP BY "CategoryName", "Level", "HandlerUnitId"
                    """, x.P)),
                new("""SELECT "Id", "ShortName", "Name" FROM org_units WHERE "TenantId" = @t AND "Id" = ANY(@ids)""", t, ("@ids", new[] { target.StreetId })),
            ];
        }

        var yearFrom = today.AddDays(-364);
        return
        [
            new("figures", $"/api/v1/demands/figures?unitId={target.StreetId}", Caller.Api, Figures(today.AddDays(-29), today), Check),
            new("figures-year", $"/api/v1/demands/figures?unitId={target.StreetId}&from={yearFrom:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Caller.Api,
                Figures(yearFrom, today), Check),
            new("page", $"/demands/figures?unitId={target.StreetId}", Caller.Page, Figures(today.AddDays(-29), today),
                body => body.Contains("满意率") ? null : "not the figures page"),
        ];
    }

    static string? Check(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var received = doc.RootElement.GetProperty("received").GetInt32();
        if (received == 0) return "no demands counted";
        return doc.RootElement.GetProperty("byCategory").GetArrayLength() == 0 ? "no categories" : null;
    }
}
