using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public class AmendRequest
{
    public Guid SheetId { get; set; }
    public string ItemCode { get; set; } = "";
    public double Value { get; set; }
    public string? Reason { get; set; }
}

public record AmendmentRow(Guid Id, Guid SheetId, Guid UnitId, string ItemCode, double Before, double After, string Reason, string By, DateTime At);

/// <summary>After publishing, scores are read-only; the coordinator corrects one item with a reason, and the results are recomputed.</summary>
public static class Amend
{
    public static async Task<Outcome<AmendmentRow>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid roundId, AmendRequest r, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Failure.NotFound;
        if (!db.Coordinates(round)) return Failure.Forbidden;
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == r.SheetId && s.RoundId == roundId, ct);
        if (sheet is null) return Failure.NotFound;
        var def = await db.DefinitionAsync(round.RubricId, ct);
        var e = new Errors();
        e.Required("Reason", r.Reason, "请填写更正原因。");
        e.Max("Reason", r.Reason, 500, "更正原因");
        var item = def.Item(r.ItemCode);
        if (item is null) e.Fail("ItemCode", "细则中没有该评分项。");
        else if (ScoreRules.Check(item, r.Value) is { } why) e.Fail("Value", why);
        if (e.Any) return Failure.Invalid(e);
        if (round.State != RoundState.Published) return Failure.Conflict("结果发布前请直接修改评分表（已提交的可退回）。");
        if (sheet.State != SheetState.Submitted) return Failure.Conflict("未提交的评分表不计入结果，无需更正。");

        var entries = sheet.Entries;
        var before = entries.TryGetValue(item!.Code, out var old) ? old.Value : 0;
        entries[item.Code] = (old ?? new ItemEntry(0)) with { Value = r.Value };
        sheet.Entries = entries;
        sheet.Rescore(def);
        sheet.UpdatedAt = clock.Now();
        var a = new Amendment
        {
            RoundId = roundId, SheetId = sheet.Id, UnitId = sheet.UnitId, OrgPath = sheet.OrgPath, ItemCode = item.Code,
            Before = before, After = r.Value, Reason = r.Reason!.Trim(), By = db.Scope.UserName, At = clock.Now(),
        };
        db.Amendments.Add(a);
        await db.SaveChangesAsync(ct);
        await ReviewResults.StoreAsync(db, org, clock, round, ct);
        await db.SaveChangesAsync(ct);
        return new AmendmentRow(a.Id, a.SheetId, a.UnitId, a.ItemCode, a.Before, a.After, a.Reason, a.By, a.At);
    }

    public static Task<List<AmendmentRow>> ListAsync(LianxinDb db, Guid roundId, CancellationToken ct) =>
        db.Amendments.Where(a => a.RoundId == roundId).OrderBy(a => a.At)
            .Select(a => new AmendmentRow(a.Id, a.SheetId, a.UnitId, a.ItemCode, a.Before, a.After, a.Reason, a.By, a.At)).ToListAsync(ct);
}
