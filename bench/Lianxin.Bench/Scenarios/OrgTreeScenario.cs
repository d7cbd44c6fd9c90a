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
        (string, object?) sid = ("@id", ctx.Id(id)), p = ("@under", path + "%");

        // Children and grandchildren of the street (not the street itself), each with its number of children.
        var tree = new Sql("""
            SELECT u."Id", u."ParentId", u."Name", u."ShortName", u."Kind", u."BranchKind", u."Status",
                   (SELECT COUNT(*) FROM org_units c WHERE c."TenantId" = u."TenantId" AND c."ParentId" = u."Id") AS "ChildCount"
            FROM org_units u
            WHERE u."TenantId" = @t AND u."Path" LIKE @under AND u."Depth" > @depth AND u."Depth" <= @maxDepth
            ORDER BY u."Depth", u."SortOrder", u."Name"
            """, t, p, ("@depth", depth), ("@maxDepth", depth + 2));

        // The unit, its current positions, its children, and the counts and coverage under its path (one scan per table).
        Sql[] detail =
        [
            new("""
                SELECT "Id", "ParentId", "Path", "Depth", "Kind", "BranchKind", "Name", "ShortName", "Code", "Contact", "Address",
                       "Status", "DissolvedAt", "DissolveReason", "SortOrder", "Version"
                FROM org_units WHERE "TenantId" = @t AND "Id" = @id
                """, t, sid),
            new("""
                SELECT "Id", "Title", "PersonName", "Phone", "UserId", "StartedOn", "EndedOn", "SortOrder"
                FROM org_positions WHERE "TenantId" = @t AND "OrgUnitId" = @id AND "EndedOn" IS NULL ORDER BY "SortOrder"
                """, t, sid),
            new("""
                SELECT "Id", "Name", "ShortName", "Kind", "BranchKind", "Status", "SortOrder"
                FROM org_units WHERE "TenantId" = @t AND "ParentId" = @id ORDER BY "SortOrder", "Name"
                """, t, sid),
            new("""
                SELECT 'grids' AS "What", COUNT(*) AS "Total", COUNT("BranchId") AS "Covered" FROM org_grids WHERE "TenantId" = @t AND "OrgPath" LIKE @under
                UNION ALL
                SELECT 'compounds', COUNT(*), COUNT("BranchId") FROM org_compounds WHERE "TenantId" = @t AND "OrgPath" LIKE @under
                UNION ALL
                SELECT 'buildings', COUNT(*), COUNT("LeaderName") FROM org_buildings WHERE "TenantId" = @t AND "OrgPath" LIKE @under
                UNION ALL
                SELECT 'households', COUNT(*), COUNT(*) FROM org_households WHERE "TenantId" = @t AND "OrgPath" LIKE @under
                """, t, p),
        ];

        return
        [
            new("tree", $"/api/v1/org/tree?rootId={id}&depth=2", Caller.Api, [tree], CheckTree),
            new("detail", $"/api/v1/org/units/{id}", Caller.Api, detail, CheckDetail),
            new("page", $"/org/{id}", Caller.Page, detail, body => body.Contains(name) ? null : $"the page does not show {name}"),
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
