using System.Net.Http.Json;
using System.Text.Json;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// What leaders read across the district (issue 15: "whole-district roll-ups &lt; 200 ms"): 对标对表 of the district's streets and
/// of one street's communities on every registered indicator, the district's quarterly workbook (xlsx) for the last full
/// quarter and the 大屏's figures. Each reads every indicator source for all the units compared at once (ADR 0039).
/// The L loader fills only the organisation tables, so at L only the Organizations figures (org_unit_counts) have rows;
/// every other source still runs its queries, over empty tables.
/// </summary>
public sealed class RollupsScenario : Scenario
{
    public override string Name => "rollups";
    public override string Description => "district roll-ups: 对标对表 of the streets and of one street's communities on every indicator, quarterly workbook, 大屏 data";

    public override async Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var t = ("@t", ctx.Id(ctx.TenantId));
        var district = await ctx.RowAsync(new Sql("""SELECT "Id", "Path" FROM org_units WHERE "TenantId" = @t AND "Kind" = 'District' AND "ParentId" IS NULL""", t), ct)
            ?? throw new InvalidOperationException("the database has no district");
        var street = await ctx.RowAsync(new Sql("""SELECT "Id", "Path" FROM org_units WHERE "TenantId" = @t AND "Kind" = 'Street' AND "Code" = 'QH01'""", t), ct)
            ?? throw new InvalidOperationException("the district has no street QH01");
        var (districtId, districtPath) = (Guid.Parse(district["Id"]!.ToString()!), (string)district["Path"]!);
        var (streetId, streetPath) = (Guid.Parse(street["Id"]!.ToString()!), (string)street["Path"]!);

        // Every registered indicator, as the app lists it; the comparison shows only the headlines unless asked for codes.
        var indicators = await ctx.Api.GetFromJsonAsync<JsonElement>("/api/v1/rollups/indicators", ct);
        var codes = string.Join("&", indicators.EnumerateArray().Select(i => "codes=" + Uri.EscapeDataString(i.GetProperty("code").GetString()!)));
        // The 大屏 opens from a signed link (no account); the bench asks the app for one, as a district admin would.
        var link = await ctx.Api.PostAsJsonAsync("/api/v1/rollups/screen-links", new { unitId = districtId, days = 1 }, ct);
        if (!link.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/v1/rollups/screen-links answered {(int)link.StatusCode}");
        var screen = (await link.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("url").GetString()!;

        // The units compared: the active streets of the district, the active communities of the street.
        async Task<int> Active(Guid parent, string kind) => Convert.ToInt32((await ctx.RowAsync(new Sql(
            """SELECT COUNT(*) AS "N" FROM org_units WHERE "TenantId" = @t AND "ParentId" = @p AND "Kind" = @k AND "Status" = 'Active'""",
            t, ("@p", ctx.Id(parent)), ("@k", kind)), ct))!["N"]);
        var (streets, communities) = (await Active(districtId, "Street"), await Active(streetId, "Community"));

        var signIn = await SignInAsync(ctx, ct);
        Sql[] District(int reads) => [.. signIn, .. Enumerable.Repeat(OrgCounts(ctx, districtPath), reads)];
        return
        [
            new("compare", $"/api/v1/rollups/compare?parentId={districtId}&{codes}", Caller.Api, [new Baseline("org", District(2))], CheckComparison(streets)),
            new("compare-communities", $"/api/v1/rollups/compare?parentId={streetId}&{codes}", Caller.Api,
                [new Baseline("org", [.. signIn, OrgCounts(ctx, streetPath), OrgCounts(ctx, streetPath)])], CheckComparison(communities)),
            new("quarterly", $"/api/v1/rollups/quarterly/{districtId}", Caller.Api, [new Baseline("org", District(2))],
                body => body.StartsWith("PK") ? null : "not an xlsx (zip) file"),
            new("screen", $"{screen}?handler=Data", Caller.Api, [new Baseline("org", District(2))],
                body => body.Contains("\"tiles\"") && body.Contains("\"charts\"") ? null : "no tiles or charts"),
        ];
    }

    /// <summary>
    /// The one grouped read of the Organizations indicators (PlaceTotals.UnderEachAsync, ADR 0039): the maintained per-unit counts
    /// of every unit under the compared units' common ancestor, one row per unit, summed per compared unit in memory. The app
    /// sends it once per period read (this one and the last), with the tenant and scope filter of <c>AcrossScope</c>.
    /// </summary>
    static Sql OrgCounts(ScenarioContext ctx, string common) => new("""
        SELECT "o"."OrgPath", "o"."Grids", "o"."GridsWithBranch", "o"."Compounds", "o"."CompoundsWithOwnBranch", "o"."CompoundsCovered",
               "o"."Buildings", "o"."BuildingsWithLeader", "o"."Households"
        FROM "org_unit_counts" AS "o"
        WHERE "o"."TenantId" = @t AND "o"."OrgPath" >= @common AND "o"."OrgPath" < @end
        """, ("@t", ctx.Id(ctx.TenantId)), ("@common", common), ("@end", common[..^1] + (char)(common[^1] + 1)));

    /// <summary>The sign-in every API request makes (OrgScopeMiddleware): the caller, then their grants.</summary>
    static async Task<Sql[]> SignInAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var user = await ctx.RowAsync(new Sql("""SELECT "Id" FROM idn_users WHERE "UserName" = @name""", ("@name", BenchApp.UserName)), ct)
            ?? throw new InvalidOperationException("no bench user");
        var userId = ctx.Id(Guid.Parse(user["Id"]!.ToString()!));
        return
        [
            new("""SELECT "i"."UserName", "i"."TenantId", "i"."IsDisabled", "i"."SecurityStamp" FROM "idn_users" AS "i" WHERE "i"."Id" = @u LIMIT 1""", ("@u", userId)),
            new("""
                SELECT "i"."Id", "i"."GrantedAt", "i"."GrantedBy", "i"."OrgPath", "i"."OrgUnitId", "i"."Role", "i"."TenantId", "i"."UserId"
                FROM "idn_role_grants" AS "i"
                WHERE "i"."UserId" = @u AND "i"."TenantId" = @t
                ORDER BY length("i"."OrgPath"), "i"."Role"
                """, ("@u", userId), ("@t", ctx.Id(ctx.TenantId))),
        ];
    }

    /// <summary>A comparison with <paramref name="units"/> rows and a value per indicator in each.</summary>
    static Func<string, string?> CheckComparison(int units) => body =>
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var rows = root.GetProperty("units");
        var columns = root.GetProperty("columns").GetArrayLength();
        if (rows.GetArrayLength() != units) return $"{rows.GetArrayLength()} units compared, expected {units}";
        if (columns < root.GetProperty("catalog").GetArrayLength()) return $"{columns} columns: not every indicator";
        return rows.EnumerateArray().All(r => r.GetProperty("values").GetArrayLength() == columns) ? null : "a row lacks values";
    };
}
