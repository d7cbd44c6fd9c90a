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

        var (sameDetail, sameTree) = await SameAsAppAsync(ctx, id, path, depth, ct);
        var detail = new[] { new Baseline("same", sameDetail), new Baseline("ideal", IdealDetail(ctx, id, path)) };

        return
        [
            new("tree", $"/api/v1/org/tree?rootId={id}&depth=2", Caller.Api, [new Baseline("same", sameTree), new Baseline("ideal", [tree])], CheckTree),
            new("detail", $"/api/v1/org/units/{id}", Caller.Api, detail, CheckDetail),
            new("page", $"/org/{id}", Caller.Page, detail, body => body.Contains(name) ? null : $"the page does not show {name}"),
            // The roster page of the bench user's whole scope (the district by default): issue 15 found 985 KB of HTML, most of it the
            // filters' options (every unit and compound). The generated district has no members, so the size is the page's own.
            new("members", "/members", Caller.Page, [new Baseline("ideal", MembersPage(ctx))], body => body.Contains("党员") ? null : "not the members page"),
        ];
    }

    /// <summary>
    /// The statements the app sends for one <c>GET /api/v1/org/units/{street}</c>, as <c>--show-sql</c> printed them on SQLite
    /// (re-captured 2026-12-01 after the maintained counts of ADR 0026: 9 statements, were 22), in order, with the values the app
    /// binds: the sign-in (the caller and their grants, OrgScopeMiddleware), then UnitDetail with every table's tenant and scope
    /// filter. A street has no grid or compound lists (only communities and branches do), so none are sent.
    /// </summary>
    static async Task<(Sql[] Detail, Sql[] Tree)> SameAsAppAsync(ScenarioContext ctx, Guid id, string path, int depth, CancellationToken ct)
    {
        var user = await ctx.RowAsync(new Sql("""SELECT "Id", "TenantId" FROM idn_users WHERE "UserName" = @name""", ("@name", BenchApp.UserName)), ct)
            ?? throw new InvalidOperationException("no bench user");
        var userId = Guid.Parse(user["Id"]!.ToString()!);
        var grant = await ctx.RowAsync(new Sql("""SELECT "OrgPath" FROM idn_role_grants WHERE "UserId" = @u""", ("@u", ctx.Id(userId))), ct)
            ?? throw new InvalidOperationException("the bench user has no grant");
        var root = (string)grant["OrgPath"]!;
        var children = new List<object>();
        await using (var cmd = BaselineRunner.Command(ctx.Connection, new Sql("""SELECT "Id" FROM org_units WHERE "TenantId" = @t AND "ParentId" = @id""",
                         ("@t", ctx.Id(ctx.TenantId)), ("@id", ctx.Id(id)))))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) children.Add(ctx.Id(Guid.Parse(reader.GetValue(0).ToString()!)));
        var ancestors = Lianxin.Web.Modules.Organizations.Domain.OrgRules.IdsOf(path).Select(ctx.Id).ToList();
        var nodes = new List<object>();
        await using (var cmd = BaselineRunner.Command(ctx.Connection, new Sql("""
                         SELECT "Id" FROM org_units WHERE "TenantId" = @t AND "Path" LIKE @under AND "Depth" > @d AND "Depth" <= @d + 2
                         """, ("@t", ctx.Id(ctx.TenantId)), ("@under", path + "%"), ("@d", depth))))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) nodes.Add(ctx.Id(Guid.Parse(reader.GetValue(0).ToString()!)));

        // The tenant and scope filter EF adds to every scoped table: a caller with one subtree (the bench user) takes the range branch.
        (string, object?)[] f =
        [
            ("@ef_filter__CurrentTenantId", ctx.Id(ctx.TenantId)), ("@ef_filter__ScopeAll7", false), ("@ef_filter__p6", true),
            ("@ef_filter__ScopeSingle", root), ("@ef_filter__ScopeSingleEnd", root[..^1] + (char)(root[^1] + 1)), ("@ef_filter__ScopePaths1", root),
        ];
        static string Scope(string a, string column, string e = "e") => $"""
            "{a}"."TenantId" = @ef_filter__CurrentTenantId AND (@ef_filter__ScopeAll7 OR CASE
                WHEN @ef_filter__p6 THEN "{a}"."{column}" >= @ef_filter__ScopeSingle AND "{a}"."{column}" < @ef_filter__ScopeSingleEnd
                ELSE EXISTS (
                    SELECT 1
                    FROM (SELECT @ef_filter__ScopePaths1 AS "Value") AS "{e}"
                    WHERE "{e}"."Value" IS NOT NULL AND (substr("{a}"."{column}", 1, length("{e}"."Value")) = "{e}"."Value" OR "{e}"."Value" = ''))
            END)
            """;
        (string, object?) u = ("@u_Id", ctx.Id(id)), under = ("@path_startswith", path + "%");
        var list = ancestors.Select((a, i) => ($"@list{i + 1}", (object?)a)).ToArray();
        var ids = children.Select((c, i) => ($"@ids{i + 1}", (object?)c)).ToArray();
        string Names((string, object?)[] ps) => ps.Length == 0 ? "NULL" : string.Join(", ", ps.Select(x => x.Item1));
        Sql[] signIn =
        [
            new("""SELECT "i"."UserName", "i"."TenantId", "i"."IsDisabled", "i"."SecurityStamp" FROM "idn_users" AS "i" WHERE "i"."Id" = @_8__locals1_userId LIMIT 1""",
                ("@_8__locals1_userId", ctx.Id(userId))),
            new("""
                SELECT "i"."Id", "i"."GrantedAt", "i"."GrantedBy", "i"."OrgPath", "i"."OrgUnitId", "i"."Role", "i"."TenantId", "i"."UserId"
                FROM "idn_role_grants" AS "i"
                WHERE "i"."UserId" = @_8__locals1_userId AND "i"."TenantId" = @user_TenantId
                ORDER BY length("i"."OrgPath"), "i"."Role"
                """, ("@_8__locals1_userId", ctx.Id(userId)), ("@user_TenantId", ctx.Id(ctx.TenantId))),
        ];
        // GET /api/v1/org/tree?rootId={street}&depth=2: the root, the nodes two levels down, their child counts.
        var nodeIds = nodes.Select((c, i) => ($"@ids{i + 1}", (object?)c)).ToArray();
        Sql[] tree =
        [
            .. signIn,
            new($"""SELECT "o"."Path", "o"."Depth" FROM "org_units" AS "o" WHERE {Scope("o", "Path")} AND "o"."Id" = @id LIMIT 1""", [.. f, ("@id", ctx.Id(id))]),
            new($"""
                SELECT "o"."Id", "o"."ParentId", "o"."Name", "o"."ShortName", "o"."Kind", "o"."BranchKind", "o"."Status", "o"."Code", "o"."Depth"
                FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."Path" LIKE @root_Path_startswith ESCAPE '\' AND "o"."Depth" > @root_Depth AND "o"."Depth" <= @max
                ORDER BY "o"."Depth", "o"."Status", "o"."SortOrder", "o"."Name"
                """, [.. f, ("@root_Path_startswith", path + "%"), ("@root_Depth", depth), ("@max", depth + 2)]),
            new($"""
                SELECT "o"."ParentId" AS "Key", COUNT(*) AS "Count"
                FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."ParentId" IN ({Names(nodeIds)})
                GROUP BY "o"."ParentId"
                """, [.. f, .. nodeIds]),
        ];
        Sql[] detail =
        [
            .. signIn,
            new($"""
                SELECT "o"."Id", "o"."Address", "o"."BranchKind", "o"."Code", "o"."Contact", "o"."Depth", "o"."DissolveReason", "o"."DissolvedAt", "o"."Kind", "o"."Name", "o"."ParentId", "o"."Path", "o"."ShortName", "o"."SortOrder", "o"."Status", "o"."TenantId", "o"."Version"
                FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."Id" = @id
                LIMIT 1
                """, [.. f, ("@id", ctx.Id(id))]),
            new($"""
                SELECT "o"."Id", CASE WHEN "o"."ShortName" <> '' THEN "o"."ShortName" ELSE "o"."Name" END AS "Name"
                FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."Id" IN ({Names(list)})
                """, [.. f, .. list]),
            new($"""
                SELECT "o"."Id", "o"."EndedOn", "o"."OrgPath", "o"."OrgUnitId", "o"."PersonName", "o"."PhoneCipher", "o"."SortOrder", "o"."StartedOn", "o"."TenantId", "o"."Title", "o"."UserId"
                FROM "org_positions" AS "o"
                WHERE {Scope("o", "OrgPath")} AND "o"."OrgUnitId" = @u_Id
                ORDER BY "o"."EndedOn" IS NOT NULL, "o"."SortOrder", "o"."StartedOn"
                """, [.. f, u]),
            new($"""
                SELECT "o"."Id", "o"."ParentId", "o"."Name", "o"."ShortName", "o"."Kind", "o"."BranchKind", "o"."Status", "o"."Code", "o"."Depth"
                FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."ParentId" = @u_Id
                ORDER BY "o"."Depth", "o"."Status", "o"."SortOrder", "o"."Name"
                """, [.. f, u]),
            new($"""
                SELECT "o"."ParentId" AS "Key", COUNT(*) AS "Count"
                FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."ParentId" IN ({Names(ids)})
                GROUP BY "o"."ParentId"
                """, [.. f, .. ids]),
            // The coverage: one sum over the maintained per-unit counts (ADR 0026), then the active units by kind.
            new($"""
                SELECT COALESCE(SUM("o0"."Grids"), 0), COALESCE(SUM("o0"."GridsWithBranch"), 0), COALESCE(SUM("o0"."Compounds"), 0), COALESCE(SUM("o0"."CompoundsWithOwnBranch"), 0), COALESCE(SUM("o0"."CompoundsCovered"), 0), COALESCE(SUM("o0"."Buildings"), 0), COALESCE(SUM("o0"."BuildingsWithLeader"), 0), COALESCE(SUM("o0"."Households"), 0)
                FROM (
                    SELECT "o"."Buildings", "o"."BuildingsWithLeader", "o"."Compounds", "o"."CompoundsCovered", "o"."CompoundsWithOwnBranch", "o"."Grids", "o"."GridsWithBranch", "o"."Households", 1 AS "Key"
                    FROM "org_unit_counts" AS "o"
                    WHERE {Scope("o", "OrgPath")} AND "o"."OrgPath" >= @root AND "o"."OrgPath" < @end
                ) AS "o0"
                GROUP BY "o0"."Key"
                LIMIT 1
                """, [.. f, ("@root", path), ("@end", path[..^1] + (char)(path[^1] + 1))]),
            new($"""
                SELECT "o"."Kind" AS "Key", COUNT(*) AS "Count" FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."Path" LIKE @path_startswith ESCAPE '\' AND "o"."Status" = 'Active'
                GROUP BY "o"."Kind"
                """, [.. f, under]),
        ];
        return (detail, tree);
    }

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
