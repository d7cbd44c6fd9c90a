using System.Text.Json;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// A street's leader opens their street: the tree two levels down, the unit detail (API) and the unit
/// detail page. The street is the first one of the district (code QH01): 1/20 of the L district.
/// </summary>
public sealed class OrgTreeScenario : Scenario
{
    public override string Name => "org-tree";
    public override string Description => "one street: org tree (depth 2), unit detail API, unit detail page";

    public override async Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var t = ("@t", ctx.Id(ctx.TenantId));
        var street = await ctx.RowAsync(new Sql(
            """SELECT "Id", "Path", "Depth", "Name" FROM org_units WHERE "TenantId" = @t AND "Kind" = 'Street' AND "Code" = 'QH01'""", t), ct)
            ?? throw new InvalidOperationException("the district has no street QH01");
        var id = Guid.Parse(street["Id"]!.ToString()!);
        var path = (string)street["Path"]!;
        var depth = Convert.ToInt32(street["Depth"]);
        var name = (string)street["Name"]!;
        // The prefix match as one pattern parameter, the way EF translates StartsWith (LIKE @p ESCAPE '\').
        (string, object?) p = ("@under", path + "%");

        // Children and grandchildren of the street (not the street itself), each with its number of children.
        var tree = new Sql("""
            SELECT u."Id", u."ParentId", u."Name", u."ShortName", u."Kind", u."BranchKind", u."Status",
                   (SELECT COUNT(*) FROM org_units c WHERE c."TenantId" = u."TenantId" AND c."ParentId" = u."Id") AS "ChildCount"
            FROM org_units u
            WHERE u."TenantId" = @t AND u."Path" LIKE @under AND u."Depth" > @depth AND u."Depth" <= @maxDepth
            ORDER BY u."Depth", u."SortOrder", u."Name"
            """, t, p, ("@depth", depth), ("@maxDepth", depth + 2));

        var (sameDetail, sameTree, keptTree, samePage, pageExtra) = await SameAsAppAsync(ctx, id, path, depth, ct);
        var detail = new[] { new Baseline("same", sameDetail), new Baseline("ideal", IdealDetail(ctx, id, path)) };
        var page = new[] { new Baseline("same", samePage), new Baseline("ideal", [.. IdealDetail(ctx, id, path), .. pageExtra]) };

        return
        [
            // The app keeps tree answers while the district's org version stands (ADR 0061): "same" is what it sends when it builds the
            // answer from the units (the first request after a change), "kept" what it sends when it serves a kept one.
            new("tree", $"/api/v1/org/tree?rootId={id}&depth=2", Caller.Api,
                [new Baseline("same", sameTree), new Baseline("ideal", [tree]), new Baseline("kept", keptTree)], CheckTree),
            // A client that sends back the tree's ETag (ADR 0063): 304 without a body, after the same two statements as a kept answer.
            new("tree-304", $"/api/v1/org/tree?rootId={id}&depth=2", Caller.Api, [new Baseline("kept", keptTree)]) { Revalidate = true },
            new("detail", $"/api/v1/org/units/{id}", Caller.Api, detail, CheckDetail),
            new("page", $"/org/{id}", Caller.Page, page, body => body.Contains(name) ? null : $"the page does not show {name}"),
            // The roster page of the bench user's whole scope (the district by default): issue 15 found 985 KB of HTML, most of it the
            // filters' options (every unit and compound). The generated district has no members, so the size is the page's own.
            new("members", "/members", Caller.Page, [new Baseline("ideal", MembersPage(ctx))], body => body.Contains("党员") ? null : "not the members page"),
        ];
    }

    /// <summary>
    /// The statements the app sends for one <c>GET /api/v1/org/units/{street}</c>, one tree and one <c>GET /org/{street}</c> page,
    /// as <c>--show-sql</c> printed them on PostgreSQL (re-captured 2026-12-02: the tree's 3 on main 7b10639; the detail's 5 after
    /// ADR 0054, which folded the active units by kind into the sum of the maintained counts; it sent 6 before, 9 before ADR 0051;
    /// the page's 7 after ADR 0058: the detail's 5, the star badge and the unread count; 9 on main 5bcf63a), in order, with the values the app binds: the sign-in (the caller with their grants in one join, OrgScopeMiddleware), then the
    /// use case with every table's tenant and scope filter. A street has no grid or compound lists (only communities and branches
    /// do), so none are sent. On SQLite the same statements with the SQLite forms of the scope filter (a path range) and of a
    /// list (one parameter per value), which EF sends there.
    /// </summary>
    static async Task<(Sql[] Detail, Sql[] Tree, Sql[] TreeKept, Sql[] Page, Sql[] PageIdeal)> SameAsAppAsync(ScenarioContext ctx, Guid id, string path, int depth, CancellationToken ct)
    {
        var pg = ctx.Database.Provider == Provider.Postgres;
        var user = await ctx.RowAsync(new Sql("""SELECT "Id", "TenantId" FROM idn_users WHERE "UserName" = @name""", ("@name", BenchApp.UserName)), ct)
            ?? throw new InvalidOperationException("no bench user");
        var userId = Guid.Parse(user["Id"]!.ToString()!);
        var grant = await ctx.RowAsync(new Sql("""SELECT "OrgPath" FROM idn_role_grants WHERE "UserId" = @u""", ("@u", ctx.Id(userId))), ct)
            ?? throw new InvalidOperationException("the bench user has no grant");
        var root = (string)grant["OrgPath"]!;
        var ancestors = Lianxin.Web.Modules.Organizations.Domain.OrgRules.IdsOf(path);

        // The tenant and scope filter EF adds to every scoped table: a caller with one subtree (the bench user) takes the
        // single-path branch (a LIKE prefix on PostgreSQL, a range on SQLite).
        (string, object?)[] f = pg
            ?
            [
                ("@ef_filter__CurrentTenantId", ctx.Id(ctx.TenantId)), ("@ef_filter__ScopeAll6", false), ("@ef_filter__p5", true),
                ("@ef_filter__ScopeSingle_startswith", root + "%"), ("@ef_filter__ScopePaths", new[] { root }),
            ]
            :
            [
                ("@ef_filter__CurrentTenantId", ctx.Id(ctx.TenantId)), ("@ef_filter__ScopeAll7", false), ("@ef_filter__p6", true),
                ("@ef_filter__ScopeSingle", root), ("@ef_filter__ScopeSingleEnd", root[..^1] + (char)(root[^1] + 1)), ("@ef_filter__ScopePaths1", root),
            ];
        string Scope(string a, string column, string e = "e") => pg
            ? $"""
              {a}."TenantId" = @ef_filter__CurrentTenantId AND (@ef_filter__ScopeAll6 OR CASE
                  WHEN @ef_filter__p5 THEN {a}."{column}" LIKE @ef_filter__ScopeSingle_startswith
                  ELSE EXISTS (
                      SELECT 1
                      FROM unnest(@ef_filter__ScopePaths) AS {e}(value)
                      WHERE {e}.value IS NOT NULL AND left({a}."{column}", length({e}.value))::character varying(400) = {e}.value)
              END)
              """
            : $"""
              "{a}"."TenantId" = @ef_filter__CurrentTenantId AND (@ef_filter__ScopeAll7 OR CASE
                  WHEN @ef_filter__p6 THEN "{a}"."{column}" >= @ef_filter__ScopeSingle AND "{a}"."{column}" < @ef_filter__ScopeSingleEnd
                  ELSE EXISTS (
                      SELECT 1
                      FROM (SELECT @ef_filter__ScopePaths1 AS "Value") AS "{e}"
                      WHERE "{e}"."Value" IS NOT NULL AND (substr("{a}"."{column}", 1, length("{e}"."Value")) = "{e}"."Value" OR "{e}"."Value" = ''))
              END)
              """;
        // A list parameter: one array on PostgreSQL (= ANY), one parameter per value on SQLite (IN; a single value as =).
        (string Sql, (string, object?)[] Values) List(string name, IReadOnlyList<Guid> ids) => pg
            ? ($"= ANY (@{name})", [($"@{name}", ids.ToArray())])
            : ids.Count == 1 ? ($"= @{name}1", [($"@{name}1", ctx.Id(ids[0]))])
            : ($"IN ({(ids.Count == 0 ? "NULL" : string.Join(", ", ids.Select((_, i) => $"@{name}{i + 1}")))})", ids.Select((x, i) => ($"@{name}{i + 1}", ctx.Id(x))).ToArray());
        var integer = pg ? "::int" : "";
        // The children of a node with their own number of children, the shape NodesAsync sends (a correlated count).
        string Nodes(string where) => $"""
            SELECT o."Id", o."ParentId", o."Name", o."ShortName", o."Kind", o."BranchKind", o."Status", (
                SELECT count(*){integer}
                FROM org_units AS o0
                WHERE {Scope("o0", "Path", "e0")} AND o0."ParentId" = o."Id"), o."Code", o."Depth"
            FROM org_units AS o
            WHERE {Scope("o", "Path")} AND {where}
            ORDER BY o."Depth", o."Status", o."SortOrder", o."Name"
            """;

        Sql[] signIn =
        [
            new($"""
                SELECT i1."UserName", i1."TenantId", i1."IsDisabled", i1."SecurityStamp", i1."Id", i0."Id", i0."GrantedAt", i0."GrantedBy", i0."OrgPath", i0."OrgUnitId", i0."Role", i0."TenantId", i0."UserId"
                FROM (
                    SELECT i."UserName", i."TenantId", i."IsDisabled", i."SecurityStamp", i."Id"
                    FROM idn_users AS i
                    WHERE i."Id" = @userId
                    LIMIT 1
                ) AS i1
                LEFT JOIN idn_role_grants AS i0 ON i1."Id" = i0."UserId" AND i1."TenantId" = i0."TenantId"
                ORDER BY i1."Id", length(i0."OrgPath"){integer}, i0."Role"
                """, ("@userId", ctx.Id(userId))),
        ];
        // GET /api/v1/org/tree?rootId={street}&depth=2: the district's org version (ADR 0061), the root, then the nodes two levels
        // down with their child counts; while the version stands, only the version.
        Sql version = new("""
            SELECT o."Version"
            FROM org_tree_versions AS o
            WHERE o."TenantId" = @ef_filter__CurrentTenantId
            LIMIT 1
            """, ("@ef_filter__CurrentTenantId", ctx.Id(ctx.TenantId)));
        Sql[] treeKept = [.. signIn, version];
        Sql[] tree =
        [
            .. treeKept,
            new($"""
                SELECT o."Path", o."Depth"
                FROM org_units AS o
                WHERE {Scope("o", "Path")} AND o."Id" = @id
                LIMIT 1
                """, [.. f, ("@id", ctx.Id(id))]),
            new(Nodes("""o."Path" LIKE @root_Path_startswith AND o."Depth" > @root_Depth AND o."Depth" <= @max"""),
                [.. f, ("@root_Path_startswith", path + "%"), ("@root_Depth", depth), ("@max", depth + 2)]),
        ];
        var (names, nameValues) = List("list", ancestors);
        Sql[] detail =
        [
            .. signIn,
            // The unit with its positions (a join, ADR 0051).
            new($"""
                SELECT o1."Id", o1."Address", o1."BranchKind", o1."Code", o1."Contact", o1."Depth", o1."DissolveReason", o1."DissolvedAt", o1."Kind", o1."Name", o1."ParentId", o1."Path", o1."ShortName", o1."SortOrder", o1."Status", o1."TenantId", o1."Version", o2."Id", o2."EndedOn", o2."OrgPath", o2."OrgUnitId", o2."PersonName", o2."PhoneCipher", o2."SortOrder", o2."StartedOn", o2."TenantId", o2."Title", o2."UserId"
                FROM (
                    SELECT o."Id", o."Address", o."BranchKind", o."Code", o."Contact", o."Depth", o."DissolveReason", o."DissolvedAt", o."Kind", o."Name", o."ParentId", o."Path", o."ShortName", o."SortOrder", o."Status", o."TenantId", o."Version"
                    FROM org_units AS o
                    WHERE {Scope("o", "Path")} AND o."Id" = @id
                    LIMIT 1
                ) AS o1
                LEFT JOIN (
                    SELECT o0."Id", o0."EndedOn", o0."OrgPath", o0."OrgUnitId", o0."PersonName", o0."PhoneCipher", o0."SortOrder", o0."StartedOn", o0."TenantId", o0."Title", o0."UserId", o0."EndedOn" IS NOT NULL AS c
                    FROM org_positions AS o0
                    WHERE {Scope("o0", "OrgPath", "e0")}
                ) AS o2 ON o1."Id" = o2."OrgUnitId"
                ORDER BY o1."Id", o2.c, o2."SortOrder", o2."StartedOn"
                """, [.. f, ("@id", ctx.Id(id))]),
            // The trail's names.
            new($"""
                SELECT o."Id", CASE
                    WHEN o."ShortName" <> '' THEN o."ShortName"
                    ELSE o."Name"
                END AS "Name"
                FROM org_units AS o
                WHERE {Scope("o", "Path")} AND o."Id" {names}
                """, [.. f, .. nameValues]),
            new(Nodes("""o."ParentId" = @u_Id"""), [.. f, ("@u_Id", ctx.Id(id))]),
            // The coverage: the places and the active units by kind, one sum over the maintained per-unit counts (ADR 0026, 0054).
            new($"""
                SELECT {string.Join(", ", Counted.Select(c => $"COALESCE(sum(o0.\"{c}\"), 0){integer}"))}
                FROM (
                    SELECT {string.Join(", ", Counted.Order(StringComparer.Ordinal).Select(c => $"o.\"{c}\""))}, 1 AS "Key"
                    FROM org_unit_counts AS o
                    WHERE {Scope("o", "OrgPath")} AND o."OrgPath" >= @root AND o."OrgPath" < @end
                ) AS o0
                GROUP BY o0."Key"
                LIMIT 1
                """, [.. f, ("@root", path), ("@end", path[..^1] + (char)(path[^1] + 1))]),
        ];
        // GET /org/{street}: the detail's statements, then what the page adds: the unit's star badge (Reviews, UnitBadges) and the
        // layout's unread count. (Before ADR 0058 also the trend panel's own read of the unit and the names of the units the caller
        // holds a role at; the panel now takes the page's unit and the header the page's trail, on which the bench user's district is.)
        var (badgeIds, badgeValues) = List("ids", [id]);
        (string, object?)[] inboxFilter = [("@ef_filter__ScopeAll2", false), ("@ef_filter__ScopeUserId", ctx.Id(userId)), ("@ef_filter__CurrentTenantId", ctx.Id(ctx.TenantId))];
        Sql badges = new($"""
            SELECT r."UnitId", r."Programme", r."Level", r."OrgPath"
            FROM rev_star_awards AS r
            WHERE {Scope("r", "OrgPath")} AND r."UnitId" {badgeIds}
            ORDER BY r."At" DESC, r."Id" DESC
            """, [.. f, .. badgeValues]);
        Sql unread = new($"""
            SELECT count(*){integer}
            FROM ntf_inbox AS n
            WHERE (@ef_filter__ScopeAll2 OR n."UserId" = @ef_filter__ScopeUserId) AND n."TenantId" = @ef_filter__CurrentTenantId AND n."ReadAt" IS NULL
            """, inboxFilter);
        Sql[] page = [.. detail, badges, unread];
        // What a hand-written page needs beyond the detail: the badge, the unread count, the names of the caller's units (the
        // district is on the trail, so a hand-written page would not read it again either: left out).
        Sql[] pageIdeal =
        [
            new("""SELECT "UnitId", "Programme", "Level", "OrgPath" FROM rev_star_awards WHERE "TenantId" = @t AND "UnitId" = @id ORDER BY "At" DESC, "Id" DESC""",
                ("@t", ctx.Id(ctx.TenantId)), ("@id", ctx.Id(id))),
            new("""SELECT COUNT(*) FROM ntf_inbox WHERE "TenantId" = @t AND "UserId" = @u AND "ReadAt" IS NULL""", ("@t", ctx.Id(ctx.TenantId)), ("@u", ctx.Id(userId))),
        ];
        return (detail, tree, treeKept, page, pageIdeal);
    }

    /// <summary>The columns of org_unit_counts the detail sums, in the order EF selects them.</summary>
    static readonly string[] Counted = ["Grids", "GridsWithBranch", "Compounds", "CompoundsWithOwnBranch", "CompoundsCovered", "Buildings",
        "BuildingsWithLeader", "Households", "ActiveDistricts", "ActiveStreets", "ActiveCommunities", "ActiveBranches", "ActiveGroups", "ActiveDepartments"];

    /// <summary>
    /// The same answer in as few statements as a hand-written query needs: the caller's grants with their account in one
    /// join, the unit, its trail's names, its positions, its children with their child counts, the active units by kind and the
    /// sum of the maintained per-unit counts, each prefix as the index range <c>&gt;= path AND &lt; pathEnd</c>.
    /// </summary>
    static Sql[] IdealDetail(ScenarioContext ctx, Guid id, string path)
    {
        (string, object?) t = ("@t", ctx.Id(ctx.TenantId)), sid = ("@id", ctx.Id(id)), from = ("@from", path), to = ("@to", path[..^1] + (char)(path[^1] + 1));
        var ancestors = Lianxin.Web.Modules.Organizations.Domain.OrgRules.IdsOf(path).Select((a, i) => ($"@a{i}", (object?)ctx.Id(a))).ToArray();
        return
        [
            new("""
                SELECT u."SecurityStamp", u."IsDisabled", g."Role", g."OrgUnitId", g."OrgPath"
                FROM idn_users u LEFT JOIN idn_role_grants g ON g."UserId" = u."Id" AND g."TenantId" = u."TenantId"
                WHERE u."UserName" = @name
                """, ("@name", BenchApp.UserName)),
            new("""
                SELECT "Id", "ParentId", "Path", "Depth", "Kind", "BranchKind", "Name", "ShortName", "Code", "Contact", "Address",
                       "Status", "DissolvedAt", "DissolveReason", "SortOrder", "Version"
                FROM org_units WHERE "TenantId" = @t AND "Id" = @id
                """, t, sid),
            new($"""SELECT "Id", "Name", "ShortName" FROM org_units WHERE "TenantId" = @t AND "Id" IN ({string.Join(", ", ancestors.Select(a => a.Item1))})""", [t, .. ancestors]),
            new("""
                SELECT "Id", "Title", "PersonName", "PhoneCipher", "StartedOn", "EndedOn", "SortOrder"
                FROM org_positions WHERE "TenantId" = @t AND "OrgUnitId" = @id ORDER BY "EndedOn" IS NOT NULL, "SortOrder", "StartedOn"
                """, t, sid),
            new("""
                SELECT c."Id", c."Name", c."ShortName", c."Kind", c."BranchKind", c."Status", c."Code", c."Depth",
                       (SELECT COUNT(*) FROM org_units g WHERE g."TenantId" = c."TenantId" AND g."ParentId" = c."Id") AS "ChildCount"
                FROM org_units c WHERE c."TenantId" = @t AND c."ParentId" = @id ORDER BY c."Depth", c."Status", c."SortOrder", c."Name"
                """, t, sid),
            new("""SELECT "Kind", COUNT(*) FROM org_units WHERE "TenantId" = @t AND "Path" >= @from AND "Path" < @to AND "Status" = 'Active' GROUP BY "Kind" """, t, from, to),
            new("""
                SELECT SUM("Grids"), SUM("GridsWithBranch"), SUM("Compounds"), SUM("CompoundsWithOwnBranch"), SUM("CompoundsCovered"),
                       SUM("Buildings"), SUM("BuildingsWithLeader"), SUM("Households")
                FROM org_unit_counts WHERE "TenantId" = @t AND "OrgPath" >= @from AND "OrgPath" < @to
                """, t, from, to),
        ];
    }

    /// <summary>
    /// What the roster page needs at the least, written by hand: the caller, a capped count and the first page of members in
    /// scope (keyset order OrgPath, Name, Id), and the units its filter offers beyond 200 (districts, streets, communities).
    /// </summary>
    static Sql[] MembersPage(ScenarioContext ctx)
    {
        (string, object?) t = ("@t", ctx.Id(ctx.TenantId));
        return
        [
            new("""
                SELECT u."SecurityStamp", u."IsDisabled", g."Role", g."OrgUnitId", g."OrgPath"
                FROM idn_users u LEFT JOIN idn_role_grants g ON g."UserId" = u."Id" AND g."TenantId" = u."TenantId"
                WHERE u."UserName" = @name
                """, ("@name", BenchApp.UserName)),
            new("""SELECT COUNT(*) FROM (SELECT 1 FROM mem_members WHERE "TenantId" = @t LIMIT 10001) c""", t),
            new("""SELECT * FROM mem_members WHERE "TenantId" = @t ORDER BY "OrgPath", "Name", "Id" LIMIT 21""", t),
            new("""
                SELECT "Id", "Name", "ShortName", "Kind", "Path" FROM org_units
                WHERE "TenantId" = @t AND "Kind" IN ('District', 'Street', 'Community') ORDER BY "Path"
                """, t),
        ];
    }

    static string? CheckTree(string body)
    {
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) return "the tree is not a JSON array";
        if (doc.RootElement.GetArrayLength() == 0) return "the tree is empty";
        var first = doc.RootElement[0];
        var missing = new[] { "id", "parentId", "name", "shortName", "kind", "branchKind", "status", "childCount" }
            .Where(k => !first.TryGetProperty(k, out _)).ToList();
        return missing.Count == 0 ? null : $"tree items lack {string.Join(", ", missing)}";
    }

    static string? CheckDetail(string body)
    {
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return "the unit is not a JSON object";
        var missing = new[] { "id", "positions", "children", "coverage" }.Where(k => !doc.RootElement.TryGetProperty(k, out _)).ToList();
        return missing.Count == 0 ? null : $"the unit lacks {string.Join(", ", missing)}";
    }
}
