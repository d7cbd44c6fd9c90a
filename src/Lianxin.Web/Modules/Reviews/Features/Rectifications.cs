using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public class FindingRequest
{
    public Guid UnitId { get; set; }
    public string? ItemCode { get; set; }
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTime? Deadline { get; set; }
}

public record RectificationRow(Guid Id, Guid FindingId, Guid RoundId, string RoundName, Guid UnitId, string UnitName, string? ItemCode,
    string Description, string Owner, DateTime Deadline, RectificationState State, string StateName, bool Overdue, string? Evidence, string? ReviewNote, int Version);

/// <summary>An unresolved rectification from an earlier round, to check on site at this visit.</summary>
public record CarriedRectification(Guid Id, Guid UnitId, string FromRound, string Description, string Owner, DateTime Deadline, RectificationState State, bool Overdue);

public class RectificationUpdate
{
    public RectificationState State { get; set; }
    public string? Evidence { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>Findings (问题) become rectifications (整改): the unit works and hands in evidence, the coordinator verifies or rejects.</summary>
public static class Rectifications
{
    public static async Task<Outcome<RectificationRow>> AddFindingAsync(LianxinDb db, TimeProvider clock, Guid roundId, FindingRequest r, CancellationToken ct,
        IReadOnlyList<Platform.Files.Upload>? photos = null)
    {
        var round = await db.ReviewRounds.FirstOrDefaultAsync(x => x.Id == roundId, ct);
        if (round is null) return Failure.NotFound;
        // The coordinator, or a reviewer on this round's panel; any other reviewer of the street is refused.
        if (!db.Coordinates(round) && !(db.Scope.CanAnywhere(ReviewPermissions.ReviewScore) && await db.SitsOnAsync(roundId, ct)))
            return Failure.Forbidden;
        var unit = await db.RoundUnits.FirstOrDefaultAsync(u => u.RoundId == roundId && u.UnitId == r.UnitId, ct);
        var e = new Errors();
        if (unit is null) e.Fail("UnitId", "该单位不在本轮观摩名单中。");
        e.Required("Description", r.Description, "请描述发现的问题。");
        e.Max("Description", r.Description, 1000, "问题描述");
        e.Required("Owner", r.Owner, "请填写整改责任人。");
        e.Max("Owner", r.Owner, 60, "整改责任人");
        var now = clock.Now();
        if (r.Deadline is null) e.Fail("Deadline", "请填写整改期限。");
        else if (r.Deadline.Value.ToUniversalTime() <= now) e.Fail("Deadline", "整改期限须晚于现在。");
        if (r.ItemCode is { Length: > 0 } code && (await db.DefinitionAsync(round.RubricId, ct)).Item(code) is null) e.Fail("ItemCode", "细则中没有该评分项。");
        if (e.Any) return Failure.Invalid(e);
        if (round.State == RoundState.Draft) return Failure.Conflict("观摩开始后才能记录问题。");

        var finding = new Finding
        {
            RoundId = roundId, UnitId = unit!.UnitId, OrgPath = unit.OrgPath, ItemCode = string.IsNullOrWhiteSpace(r.ItemCode) ? null : r.ItemCode,
            Description = r.Description.Trim(), ReportedBy = db.Scope.UserId ?? Guid.Empty, At = now,
        };
        var rect = new Rectification
        {
            FindingId = finding.Id, RoundId = roundId, UnitId = unit.UnitId, OrgPath = unit.OrgPath, Description = finding.Description,
            Owner = r.Owner.Trim(), Deadline = r.Deadline!.Value.ToUniversalTime(), State = RectificationState.Open, UpdatedAt = now,
        };
        db.Findings.Add(finding);
        db.Rectifications.Add(rect);
        ReviewPhotos.StageForFinding(db, finding, photos ?? [], now);
        await db.SaveChangesAsync(ct);
        return Row(rect, round.Name, unit.UnitName, finding.ItemCode, now);
    }

    static RectificationRow Row(Rectification x, string roundName, string unitName, string? itemCode, DateTime now) =>
        new(x.Id, x.FindingId, x.RoundId, roundName, x.UnitId, unitName, itemCode, x.Description, x.Owner, x.Deadline, x.State,
            ReviewFlow.Chinese(x.State), ReviewFlow.IsOverdue(x.State, x.Deadline, now), x.Evidence, x.ReviewNote, x.Version);

    /// <summary>Rectifications of the units where the caller holds ReviewView (a unit sees its own, a street its communities').</summary>
    public static async Task<Outcome<List<RectificationRow>>> ListAsync(LianxinDb db, TimeProvider clock, Guid? roundId, Guid? unitId, bool openOnly, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ReviewPermissions.ReviewView)) return Failure.Forbidden;
        var now = clock.Now();
        var q = from x in db.Rectifications
                join f in db.Findings on x.FindingId equals f.Id
                join u in db.RoundUnits on new { x.RoundId, x.UnitId } equals new { u.RoundId, u.UnitId }
                where (roundId == null || x.RoundId == roundId) && (unitId == null || x.UnitId == unitId)
                      && (!openOnly || x.State != RectificationState.Verified)
                orderby x.Deadline
                select new { x, f.ItemCode, u.UnitName };
        // The scope filter covers all the caller's roles; keep the units where one of them may view reviews.
        var rows = (await q.ToListAsync(ct)).Where(r => db.Scope.Can(ReviewPermissions.ReviewView, r.x.OrgPath)).ToList();
        var roundIds = rows.Select(r => r.x.RoundId).Distinct().ToList();
        var names = await db.ReviewRounds.AcrossScope().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return rows.Select(r => Row(r.x, names.GetValueOrDefault(r.x.RoundId, ""), r.UnitName, r.ItemCode, now)).ToList();
    }

    /// <summary>The unresolved rectifications of earlier rounds on these units: listed automatically for the next visit.</summary>
    public static async Task<List<CarriedRectification>> CarriedAsync(LianxinDb db, TimeProvider clock, ReviewRound round, List<Guid> unitIds, CancellationToken ct)
    {
        var now = clock.Now();
        var rows = await (from x in db.Rectifications
                          join r in db.ReviewRounds.AcrossScope() on x.RoundId equals r.Id
                          where unitIds.Contains(x.UnitId) && x.RoundId != round.Id && x.State != RectificationState.Verified
                                && r.CreatedAt < round.CreatedAt
                          orderby x.Deadline
                          select new { x, r.Name }).ToListAsync(ct);
        return rows.Select(r => new CarriedRectification(r.x.Id, r.x.UnitId, r.Name, r.x.Description, r.x.Owner, r.x.Deadline, r.x.State,
            ReviewFlow.IsOverdue(r.x.State, r.x.Deadline, now))).ToList();
    }

    /// <summary>The unit moves to in progress / submitted (with evidence); the coordinator verifies or rejects (with a note).</summary>
    public static async Task<Outcome<RectificationRow>> UpdateAsync(LianxinDb db, TimeProvider clock, Guid id, RectificationUpdate r, CancellationToken ct)
    {
        var x = await db.Rectifications.FirstOrDefaultAsync(y => y.Id == id, ct);
        if (x is null) return Failure.NotFound;
        var verdict = r.State is RectificationState.Verified or RectificationState.Rejected;
        var owner = await db.ReviewRounds.AcrossScope().FirstAsync(y => y.Id == x.RoundId, ct);
        if (verdict ? !db.Scope.Can(ReviewPermissions.ReviewManage, owner.OrgPath) : !db.Scope.Can(ReviewPermissions.ReviewView, x.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        if (r.State == RectificationState.Submitted) e.Required("Evidence", r.Evidence, "提交整改须说明整改情况或附上佐证。");
        if (r.State == RectificationState.Rejected) e.Required("Note", r.Note, "退回整改须说明原因。");
        e.Max("Evidence", r.Evidence, 2000, "整改情况");
        e.Max("Note", r.Note, 500, "验收意见");
        if (e.Any) return Failure.Invalid(e);
        if (ReviewFlow.CheckRectification(x.State, r.State) is { } why) return Failure.Conflict(why);
        if (x.Version != r.Version) return Failure.Stale;
        x.State = r.State;
        if (r.State == RectificationState.Submitted) x.Evidence = r.Evidence!.Trim();
        if (verdict) x.ReviewNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        x.UpdatedAt = clock.Now();
        if (await db.SaveAsync(ct) is { } stale) return stale;
        var unitName = await db.RoundUnits.Where(u => u.RoundId == x.RoundId && u.UnitId == x.UnitId).Select(u => u.UnitName).FirstAsync(ct);
        var itemCode = await db.Findings.Where(f => f.Id == x.FindingId).Select(f => f.ItemCode).FirstOrDefaultAsync(ct);
        return Row(x, owner.Name, unitName, itemCode, clock.Now());
    }
}
