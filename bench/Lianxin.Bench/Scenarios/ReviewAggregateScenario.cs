using System.Data.Common;
using System.Text.Json;
using Lianxin.Web.Modules.Reviews.Domain;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// A coordinator opens the results of a large round: by default 300 units × 10 reviewers × 100 items (3,000 submitted
/// sheets; <c>--review U,R,I</c> changes it, 300 units need <c>--size L</c>). The app reads the sheets' cached totals and
/// section points, aggregates per unit and section by the round's rule (trimmed mean), ranks, and measures reviewer
/// consistency. Two baselines on the same round:
/// <c>results</c>: a plain SQL GROUP BY of the sheets' stored totals per unit (the floor any implementation pays);
/// <c>results-items</c>: a plain SQL GROUP BY per unit of the same item scores unpacked from the sheets (json_each/jsonb_each),
/// what aggregating the raw scores in the database costs.
/// The round is inserted once (marked by its name) and reused on later runs of the same database.
/// </summary>
public sealed class ReviewAggregateScenario : Scenario
{
    public override string Name => "review-aggregate";
    public override string Description => "review results of one round (units × reviewers × items, --review) vs SQL GROUP BY of the sheet totals and of the item scores";

    public override async Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct)
    {
        var o = ctx.Options;
        var roundName = $"bench-review-v2-{o.ReviewUnits}x{o.ReviewReviewers}x{o.ReviewItems}";
        var t = ("@t", ctx.Id(ctx.TenantId));
        var existing = await ctx.RowAsync(new Sql("""SELECT "Id" FROM rev_rounds WHERE "TenantId" = @t AND "Name" = @n""", t, ("@n", roundName)), ct);
        var roundId = existing is null ? await InsertAsync(ctx, roundName, o.ReviewUnits, o.ReviewReviewers, o.ReviewItems, ct) : Guid.Parse(existing["Id"]!.ToString()!);
        var r = ("@r", ctx.Id(roundId));
        var totals = new Sql("""
            SELECT "UnitId", AVG("Total") AS "Mean", COUNT(*) AS "Sheets"
            FROM rev_score_sheets WHERE "TenantId" = @t AND "RoundId" = @r AND "State" = 'Submitted'
            GROUP BY "UnitId" ORDER BY "Mean" DESC
            """, t, r);
        var items = ctx.Database.Provider == Provider.Postgres
            ? new Sql("""
                SELECT s."UnitId", SUM((j.value->>'value')::float8) / COUNT(DISTINCT s."Id") AS "Mean", COUNT(DISTINCT s."Id") AS "Sheets"
                FROM rev_score_sheets s CROSS JOIN LATERAL jsonb_each(s."EntriesJson"::jsonb) j
                WHERE s."TenantId" = @t AND s."RoundId" = @r AND s."State" = 'Submitted'
                GROUP BY s."UnitId" ORDER BY "Mean" DESC
                """, t, r)
            : new Sql("""
                SELECT s."UnitId", SUM(json_extract(j.value, '$.value')) / COUNT(DISTINCT s."Id") AS "Mean", COUNT(DISTINCT s."Id") AS "Sheets"
                FROM rev_score_sheets s, json_each(s."EntriesJson") j
                WHERE s."TenantId" = @t AND s."RoundId" = @r AND s."State" = 'Submitted'
                GROUP BY s."UnitId" ORDER BY "Mean" DESC
                """, t, r);
        var n = await ctx.RowAsync(new Sql("SELECT COUNT(*) AS \"N\" FROM rev_round_units WHERE \"TenantId\" = @t AND \"RoundId\" = @r", t, r), ct);
        var count = Convert.ToInt32(n!["N"]);
        var sheets = await ctx.RowAsync(new Sql("SELECT COUNT(*) AS \"N\" FROM rev_score_sheets WHERE \"TenantId\" = @t AND \"RoundId\" = @r", t, r), ct);
        Console.WriteLine($"==> review round {roundName}: {count} units, {Convert.ToInt32(sheets!["N"])} submitted sheets of {o.ReviewItems} items");
        var reviewers = o.ReviewReviewers;
        var path = $"/api/v1/reviews/rounds/{roundId}/results";
        return
        [
            new("results", path, Caller.Api, [totals], body => Check(body, count, reviewers)),
            new("results-items", path, Caller.Api, [items], body => Check(body, count, reviewers)),
        ];
    }

    static string? Check(string body, int expectedUnits, int reviewers)
    {
        using var doc = JsonDocument.Parse(body);
        var units = doc.RootElement.GetProperty("units");
        if (units.GetArrayLength() != expectedUnits) return $"expected {expectedUnits} units, got {units.GetArrayLength()}";
        if (units[0].GetProperty("sheetsSubmitted").GetInt32() != reviewers) return "the first unit does not have all sheets";
        return doc.RootElement.GetProperty("consistency").GetArrayLength() == reviewers ? null : "no consistency rows for the panel";
    }

    /// <summary>Rubric, round, panel, units and submitted sheets with deterministic scores, in one transaction. Each sheet is
    /// scored by the app's own rules (<see cref="ScoreSheet.Rescore"/>), as saving it through the app would.</summary>
    static async Task<Guid> InsertAsync(ScenarioContext ctx, string roundName, int unitCount, int reviewerCount, int itemCount, CancellationToken ct)
    {
        var t = ("@t", ctx.Id(ctx.TenantId));
        var district = await ctx.RowAsync(new Sql("""SELECT "Id", "Path" FROM org_units WHERE "TenantId" = @t AND "Kind" = 'District'""", t), ct)
            ?? throw new InvalidOperationException("no district");
        var districtId = Guid.Parse(district["Id"]!.ToString()!);
        var districtPath = (string)district["Path"]!;
        var units = new List<(Guid Id, string Path, string Name)>();
        await using (var cmd = BaselineRunner.Command(ctx.Connection, new Sql($"""
            SELECT "Id", "Path", "Name" FROM org_units WHERE "TenantId" = @t AND "Kind" NOT IN ('District', 'Street')
            ORDER BY "Depth", "Path" LIMIT {unitCount}
            """, t)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) units.Add((Guid.Parse(reader.GetValue(0).ToString()!), reader.GetString(1), reader.GetString(2)));
        // Size L has 300 communities; a small district has fewer units, and the round simply reviews all it has.
        if (units.Count == 0) throw new InvalidOperationException("the district has no units to review");

        if (units.Count < unitCount) Console.WriteLine($"⚠ the district has only {units.Count} units below its streets; the round reviews them all (use --size L for 300)");
        // Four weighted sections; every tenth item a deduction, then one bonus and one veto item at the end.
        double[] weights = [1, 1.5, 1, 0.5];
        var def = new RubricDefinition
        {
            Sections = Enumerable.Range(0, 4).Select(s => new RubricSection { Code = $"S{s}", Title = $"第{s + 1}部分", Weight = weights[s] }).ToList(),
            Items = Enumerable.Range(0, itemCount).Select(i => new RubricItem
            {
                Code = $"I{i:000}", Section = $"S{i % 4}", Title = $"评分项{i + 1}",
                Type = i == itemCount - 1 ? ItemType.Veto : i == itemCount - 2 ? ItemType.Bonus : i % 10 == 9 ? ItemType.Deduction : ItemType.Scored,
                Max = i == itemCount - 1 ? 0 : 2, PerOccurrence = 0.5, Floor = 0,
            }).ToList(),
            BonusCap = 2, VetoEffect = VetoEffect.Zero,
        };
        var definition = new Rubric { Definition = def }.DefinitionJson;

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
            """, ("@id", ctx.Id(rubricId)), t, ("@n", roundName), ("@p", districtPath), ("@o", ctx.Id(districtId)), ("@f", true), ("@d", definition), ("@at", now));
        await Exec("""
            INSERT INTO rev_rounds ("Id", "TenantId", "Name", "RubricId", "OwnerUnitId", "OrgPath", "State", "Aggregation", "TrimMinReviewers", "RoleWeightsJson", "CreatedAt", "Version")
            VALUES (@id, @t, @n, @r, @o, @p, 'Closed', 'TrimmedMean', 5, '{}', @at, 0)
            """, ("@id", ctx.Id(roundId)), t, ("@n", roundName), ("@r", ctx.Id(rubricId)), ("@o", ctx.Id(districtId)), ("@p", districtPath), ("@at", now));
        var reviewers = Enumerable.Range(0, reviewerCount).Select(_ => Guid.CreateVersion7()).ToList();
        for (var r = 0; r < reviewerCount; r++)
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
            for (var r = 0; r < reviewerCount; r++)
            {
                var entries = new Dictionary<string, ItemEntry>();
                foreach (var (item, i) in def.Items.Select((item, i) => (item, i)))
                    entries[item.Code] = new ItemEntry(item.Type switch
                    {
                        ItemType.Deduction => (u + r + i) % 3,
                        ItemType.Veto => (u * 10 + r) % 97 == 0 ? 1 : 0,
                        ItemType.Bonus => (u + r) % 2,
                        _ => ((u * 7 + r * 3 + i) % 5) * 0.5,
                    });
                var sheet = new ScoreSheet { Entries = entries };
                sheet.Rescore(def);
                await Exec("""
                    INSERT INTO rev_score_sheets ("Id", "TenantId", "RoundId", "UnitId", "ReviewerId", "OrgPath", "State", "EntriesJson", "Total", "SectionTotalsJson", "SubmittedAt", "UpdatedAt", "Version")
                    VALUES (@id, @t, @r, @u, @rv, @p, 'Submitted', @e, @tot, @sec, @at, @at, 0)
                    """, ("@id", ctx.Id(Guid.CreateVersion7())), t, ("@r", ctx.Id(roundId)), ("@u", ctx.Id(unitId)), ("@rv", ctx.Id(reviewers[r])), ("@p", path),
                    ("@e", sheet.EntriesJson), ("@tot", sheet.Total), ("@sec", sheet.SectionTotalsJson), ("@at", now));
            }
        }
        await tx.CommitAsync(ct);
        return roundId;
    }
}
