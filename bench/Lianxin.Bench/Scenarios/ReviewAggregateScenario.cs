using System.Data.Common;
using System.Text.Json;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// A coordinator opens the results of a large round: 300 units × 10 reviewers × 100 items (3,000 submitted
/// sheets). The app reads the sheets, scores every item against the rubric (types, weights, caps, veto),
/// aggregates per unit and section, ranks, and measures reviewer consistency. The baseline is a plain
/// SQL GROUP BY of the same sheets' stored totals per unit: the floor any implementation pays to read them.
/// The round is inserted once (marked by its name) and reused on later runs of the same database.
/// </summary>
public sealed class ReviewAggregateScenario : Scenario
{
    const string RoundName = "bench-review-300x10x100";
    const int Units = 300, Reviewers = 10, Items = 100;

    public override string Name => "review-aggregate";
    public override string Description => "review results of one round: 300 units × 10 reviewers × 100 items vs SQL GROUP BY of the sheet totals";

    public override async Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var t = ("@t", ctx.Id(ctx.TenantId));
        var existing = await ctx.RowAsync(new Sql("""SELECT "Id" FROM rev_rounds WHERE "TenantId" = @t AND "Name" = @n""", t, ("@n", RoundName)), ct);
        var roundId = existing is null ? await InsertAsync(ctx, ct) : Guid.Parse(existing["Id"]!.ToString()!);
        var baseline = new Sql("""
            SELECT "UnitId", AVG("Total") AS "Mean", COUNT(*) AS "Sheets"
            FROM rev_score_sheets WHERE "TenantId" = @t AND "RoundId" = @r AND "State" = 'Submitted'
            GROUP BY "UnitId" ORDER BY "Mean" DESC
            """, t, ("@r", ctx.Id(roundId)));
        var n = await ctx.RowAsync(new Sql("SELECT COUNT(*) AS \"N\" FROM rev_round_units WHERE \"TenantId\" = @t AND \"RoundId\" = @r", t, ("@r", ctx.Id(roundId))), ct);
        var count = Convert.ToInt32(n!["N"]);
        return [new("results", $"/api/v1/reviews/rounds/{roundId}/results", Caller.Api, [baseline], body => Check(body, count))];
    }

    static string? Check(string body, int expectedUnits)
    {
        using var doc = JsonDocument.Parse(body);
        var units = doc.RootElement.GetProperty("units");
        if (units.GetArrayLength() != expectedUnits) return $"expected {expectedUnits} units, got {units.GetArrayLength()}";
        if (units[0].GetProperty("sheetsSubmitted").GetInt32() != Reviewers) return "the first unit does not have all sheets";
        return doc.RootElement.GetProperty("consistency").GetArrayLength() == Reviewers ? null : "no consistency rows for the panel";
    }

    /// <summary>Rubric, round, panel, 300 units and 3,000 submitted sheets with deterministic scores, in one transaction.</summary>
    static async Task<Guid> InsertAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var t = ("@t", ctx.Id(ctx.TenantId));
        var district = await ctx.RowAsync(new Sql("""SELECT "Id", "Path" FROM org_units WHERE "TenantId" = @t AND "Kind" = 'District'""", t), ct)
            ?? throw new InvalidOperationException("no district");
        var districtId = Guid.Parse(district["Id"]!.ToString()!);
        var districtPath = (string)district["Path"]!;
        var units = new List<(Guid Id, string Path, string Name)>();
        await using (var cmd = BaselineRunner.Command(ctx.Connection, new Sql($"""
            SELECT "Id", "Path", "Name" FROM org_units WHERE "TenantId" = @t AND "Kind" NOT IN ('District', 'Street')
            ORDER BY "Depth", "Path" LIMIT {Units}
            """, t)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) units.Add((Guid.Parse(reader.GetValue(0).ToString()!), reader.GetString(1), reader.GetString(2)));
        // Size L has 300 communities; a small district has fewer units, and the round simply reviews all it has.
        if (units.Count == 0) throw new InvalidOperationException("the district has no units to review");

        var sections = Enumerable.Range(0, 4).Select(s => new { code = $"S{s}", title = $"第{s + 1}部分", weight = 1.0 }).ToList();
        var items = Enumerable.Range(0, Items).Select(i => new
        {
            code = $"I{i:000}", section = $"S{i % 4}", title = $"评分项{i + 1}",
            type = i % 10 == 9 ? "Deduction" : i == 98 ? "Bonus" : i == 99 ? "Veto" : "Scored",
            max = i == 99 ? 0 : 2.0, perOccurrence = 0.5, floor = 0.0,
        }).ToList();
        var definition = JsonSerializer.Serialize(new { sections, items, bonusCap = 2.0, vetoEffect = "Zero", vetoCap = 0.0, stars = Array.Empty<object>() });

        var now = DateTime.UtcNow;
        var rubricId = Guid.CreateVersion7();
        var roundId = Guid.CreateVersion7();
        await using var tx = await ctx.Connection.BeginTransactionAsync(ct);
        async Task Exec(string sql, params (string, object?)[] p)
        {
            await using var c = BaselineRunner.Command(ctx.Connection, new Sql(sql, p));
            c.Transaction = tx;
            await c.ExecuteNonQueryAsync(ct);
        }
        await Exec("""
            INSERT INTO rev_rubrics ("Id", "TenantId", "FamilyId", "VersionNo", "Name", "Purpose", "OrgPath", "OwnerUnitId", "Frozen", "DefinitionJson", "CreatedAt")
            VALUES (@id, @t, @id, 1, @n, 'Quarterly', @p, @o, @f, @d, @at)
            """, ("@id", ctx.Id(rubricId)), t, ("@n", RoundName), ("@p", districtPath), ("@o", ctx.Id(districtId)), ("@f", true), ("@d", definition), ("@at", now));
        await Exec("""
            INSERT INTO rev_rounds ("Id", "TenantId", "Name", "RubricId", "OwnerUnitId", "OrgPath", "State", "Aggregation", "TrimMinReviewers", "RoleWeightsJson", "CreatedAt", "Version")
            VALUES (@id, @t, @n, @r, @o, @p, 'Closed', 'TrimmedMean', 5, '{}', @at, 0)
            """, ("@id", ctx.Id(roundId)), t, ("@n", RoundName), ("@r", ctx.Id(rubricId)), ("@o", ctx.Id(districtId)), ("@p", districtPath), ("@at", now));
        var reviewers = Enumerable.Range(0, Reviewers).Select(_ => Guid.CreateVersion7()).ToList();
        for (var r = 0; r < Reviewers; r++)
            await Exec("""
                INSERT INTO rev_panelists ("Id", "TenantId", "RoundId", "UserId", "DisplayName", "PanelRole", "OrgPath")
                VALUES (@id, @t, @r, @u, @n, '评委', @p)
                """, ("@id", ctx.Id(Guid.CreateVersion7())), t, ("@r", ctx.Id(roundId)), ("@u", ctx.Id(reviewers[r])), ("@n", $"评委{r + 1}"), ("@p", districtPath));
        for (var u = 0; u < units.Count; u++)
        {
            var (unitId, path, name) = units[u];
            await Exec("""
                INSERT INTO rev_round_units ("Id", "TenantId", "RoundId", "UnitId", "UnitName", "OrgPath", "VisitOrder", "SectionsJson", "Published")
                VALUES (@id, @t, @r, @u, @n, @p, @o, '{}', @f)
                """, ("@id", ctx.Id(Guid.CreateVersion7())), t, ("@r", ctx.Id(roundId)), ("@u", ctx.Id(unitId)), ("@n", name), ("@p", path), ("@o", u + 1), ("@f", false));
            for (var r = 0; r < Reviewers; r++)
            {
                var entries = new Dictionary<string, object>();
                double total = 0;
                for (var i = 0; i < Items; i++)
                {
                    var type = items[i].type;
                    double v = type switch { "Deduction" => (u + r + i) % 3, "Veto" => 0, "Bonus" => (u + r) % 2, _ => ((u * 7 + r * 3 + i) % 5) * 0.5 };
                    entries[items[i].code] = new { value = v };
                    total += type switch { "Deduction" => Math.Max(0, 2 - v * 0.5), "Veto" => 0, _ => v };
                }
                await Exec("""
                    INSERT INTO rev_score_sheets ("Id", "TenantId", "RoundId", "UnitId", "ReviewerId", "OrgPath", "State", "EntriesJson", "Total", "SubmittedAt", "UpdatedAt", "Version")
                    VALUES (@id, @t, @r, @u, @rv, @p, 'Submitted', @e, @tot, @at, @at, 0)
                    """, ("@id", ctx.Id(Guid.CreateVersion7())), t, ("@r", ctx.Id(roundId)), ("@u", ctx.Id(unitId)), ("@rv", ctx.Id(reviewers[r])), ("@p", path),
                    ("@e", JsonSerializer.Serialize(entries)), ("@tot", total), ("@at", now));
            }
        }
        await tx.CommitAsync(ct);
        return roundId;
    }
}
