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

        var detail = new[] { new Baseline("same", await SameAsDetailAsync(ctx, id, path, ct)), new Baseline("ideal", IdealDetail(ctx, id, path)) };

        return
        [
            new("tree", $"/api/v1/org/tree?rootId={id}&depth=2", Caller.Api, [tree], CheckTree),
            new("detail", $"/api/v1/org/units/{id}", Caller.Api, detail, CheckDetail),
            new("page", $"/org/{id}", Caller.Page, detail, body => body.Contains(name) ? null : $"the page does not show {name}"),
        ];
    }

    /// <summary>
    /// The statements the app sends for one <c>GET /api/v1/org/units/{street}</c>, as <c>--show-sql</c> printed them on SQLite
    /// (2026-12-01), in order, with the values the app binds: the sign-in (the caller and their grants, OrgScopeMiddleware),
    /// then UnitDetail with every table's tenant and scope filter. Only <c>WHERE 0</c> (EF's empty list on SQLite) is written
    /// <c>WHERE 1 = 0</c> so that PostgreSQL reads it too.
    /// </summary>
    static async Task<Sql[]> SameAsDetailAsync(ScenarioContext ctx, Guid id, string path, CancellationToken ct)
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
        (string, object?) u = ("@u_Id", ctx.Id(id)), under = ("@root_startswith", path + "%");
        var list = ancestors.Select((a, i) => ($"@list{i + 1}", (object?)a)).ToArray();
        var ids = children.Select((c, i) => ($"@ids{i + 1}", (object?)c)).ToArray();
        string Names((string, object?)[] ps) => ps.Length == 0 ? "NULL" : string.Join(", ", ps.Select(x => x.Item1));
        return
        [
            new("""SELECT "i"."UserName", "i"."TenantId", "i"."IsDisabled", "i"."SecurityStamp" FROM "idn_users" AS "i" WHERE "i"."Id" = @_8__locals1_userId LIMIT 1""",
                ("@_8__locals1_userId", ctx.Id(userId))),
            new("""
                SELECT "i"."Id", "i"."GrantedAt", "i"."GrantedBy", "i"."OrgPath", "i"."OrgUnitId", "i"."Role", "i"."TenantId", "i"."UserId"
                FROM "idn_role_grants" AS "i"
                WHERE "i"."UserId" = @_8__locals1_userId AND "i"."TenantId" = @user_TenantId
                ORDER BY length("i"."OrgPath"), "i"."Role"
                """, ("@_8__locals1_userId", ctx.Id(userId)), ("@user_TenantId", ctx.Id(ctx.TenantId))),
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
                SELECT "o"."Id", "o"."EndedOn", "o"."OrgPath", "o"."OrgUnitId", "o"."PersonName", "o"."Phone", "o"."SortOrder", "o"."StartedOn", "o"."TenantId", "o"."Title", "o"."UserId"
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
            new("""SELECT "o"."Id", "o"."BranchId", "o"."Code", "o"."CommunityId", "o"."GridWorker", "o"."Name", "o"."OrgPath", "o"."TenantId", "o"."Version" FROM "org_grids" AS "o" WHERE 1 = 0 ORDER BY "o"."Code", "o"."Name" LIMIT @p""", ("@p", 500)),
            new("""SELECT "o"."Id", "o"."Address", "o"."BranchId", "o"."CommunityId", "o"."GridId", "o"."Name", "o"."OrgPath", "o"."TenantId", "o"."Type", "o"."Version" FROM "org_compounds" AS "o" WHERE 1 = 0 ORDER BY "o"."Name" LIMIT @p""", ("@p", 500)),
            new("""SELECT "o"."Id", "o"."BranchId", "o"."Code", "o"."CommunityId", "o"."GridWorker", "o"."Name", "o"."OrgPath", "o"."TenantId", "o"."Version" FROM "org_grids" AS "o" WHERE 1 = 0"""),
            new("""SELECT "o"."Id", CASE WHEN "o"."ShortName" <> '' THEN "o"."ShortName" ELSE "o"."Name" END AS "Name" FROM "org_units" AS "o" WHERE 1 = 0"""),
            new("""SELECT "o"."CompoundId" AS "Key", COUNT(*) AS "Count", COUNT(CASE WHEN "o"."LeaderMemberId" IS NOT NULL THEN 1 END) AS "Led" FROM "org_buildings" AS "o" WHERE 1 = 0 GROUP BY "o"."CompoundId" """),
            new($"""
                SELECT "o1"."CompoundId" AS "Key", COUNT(*) AS "Count"
                FROM "org_households" AS "o"
                INNER JOIN (SELECT "o0"."Id", "o0"."CompoundId" FROM "org_buildings" AS "o0" WHERE {Scope("o0", "OrgPath", "e0")}) AS "o1" ON "o"."BuildingId" = "o1"."Id"
                WHERE 1 = 0
                GROUP BY "o1"."CompoundId"
                """, f),
            new($"""
                SELECT "o"."Kind" AS "Key", COUNT(*) AS "Count" FROM "org_units" AS "o"
                WHERE {Scope("o", "Path")} AND "o"."Path" LIKE @root_startswith ESCAPE '\' AND "o"."Status" = 'Active'
                GROUP BY "o"."Kind"
                """, [.. f, under]),
            Count("org_compounds", ""),
            Count("org_compounds", """AND "o"."BranchId" IS NOT NULL"""),
            Count("org_compounds", $"""
                AND ("o"."BranchId" IS NOT NULL OR EXISTS (
                    SELECT 1 FROM "org_grids" AS "o0"
                    WHERE {Scope("o0", "OrgPath", "e0")} AND "o0"."Id" = "o"."GridId" AND "o0"."BranchId" IS NOT NULL))
                """),
            Count("org_grids", ""),
            Count("org_grids", """AND "o"."BranchId" IS NOT NULL"""),
            Count("org_buildings", ""),
            Count("org_buildings", """AND "o"."LeaderMemberId" IS NOT NULL"""),
            Count("org_households", ""),
        ];

        Sql Count(string table, string more) => new($"""
            SELECT COUNT(*) FROM "{table}" AS "o"
            WHERE {Scope("o", "OrgPath")} AND "o"."OrgPath" LIKE @root_startswith ESCAPE '\' {more}
            """, [.. f, under]);
    }

    /// <summary>
    /// The same answer in as few statements as a hand-written query needs: the caller's grants with their account in one
    /// join, the unit, its trail's names, its positions, its children with their child counts, and every coverage figure in
    /// one UNION ALL, each prefix as the index range <c>&gt;= path AND &lt; pathEnd</c>.
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
                SELECT "Id", "Title", "PersonName", "Phone", "StartedOn", "EndedOn", "SortOrder"
                FROM org_positions WHERE "TenantId" = @t AND "OrgUnitId" = @id ORDER BY "EndedOn" IS NOT NULL, "SortOrder", "StartedOn"
                """, t, sid),
            new("""
                SELECT c."Id", c."Name", c."ShortName", c."Kind", c."BranchKind", c."Status", c."Code", c."Depth",
                       (SELECT COUNT(*) FROM org_units g WHERE g."TenantId" = c."TenantId" AND g."ParentId" = c."Id") AS "ChildCount"
                FROM org_units c WHERE c."TenantId" = @t AND c."ParentId" = @id ORDER BY c."Depth", c."Status", c."SortOrder", c."Name"
                """, t, sid),
            new("""
                SELECT "Kind" AS "What", COUNT(*) AS "Total", 0 AS "Covered" FROM org_units WHERE "TenantId" = @t AND "Path" >= @from AND "Path" < @to AND "Status" = 'Active' GROUP BY "Kind"
                UNION ALL
                SELECT 'compounds', COUNT(*), COUNT(CASE WHEN c."BranchId" IS NOT NULL OR g."BranchId" IS NOT NULL THEN 1 END)
                FROM org_compounds c LEFT JOIN org_grids g ON g."Id" = c."GridId" WHERE c."TenantId" = @t AND c."OrgPath" >= @from AND c."OrgPath" < @to
                UNION ALL
                SELECT 'grids', COUNT(*), COUNT("BranchId") FROM org_grids WHERE "TenantId" = @t AND "OrgPath" >= @from AND "OrgPath" < @to
                UNION ALL
                SELECT 'buildings', COUNT(*), COUNT("LeaderMemberId") FROM org_buildings WHERE "TenantId" = @t AND "OrgPath" >= @from AND "OrgPath" < @to
                UNION ALL
                SELECT 'households', COUNT(*), COUNT(*) FROM org_households WHERE "TenantId" = @t AND "OrgPath" >= @from AND "OrgPath" < @to
                """, t, from, to),
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
