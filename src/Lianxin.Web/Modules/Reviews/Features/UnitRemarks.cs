using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>The visit record and the street's 点评 of one unit; <see cref="Version"/> is 0 for a unit not written about yet.</summary>
public class RemarkRequest
{
    public string? Report { get; set; }
    public string? NextSteps { get; set; }
    public string? Commitment { get; set; }
    public string? Comment { get; set; }
    public int Version { get; set; }
}

public record RemarkDto(Guid UnitId, string? Report, string? NextSteps, string? Commitment, string? Comment, string By, DateTime UpdatedAt, int Version);

/// <summary>
/// 逐一点评: the round's coordinator (the owning street's staff) records per unit what the unit reported at the visit (汇报), its
/// next-step plan and its 表态, and writes the street's official comment. Reviewers' notes stay on their sheets. Editable from the
/// opening of the round until its results are published; what was published is what the unit reads.
/// </summary>
public static class UnitRemarks
{
    public static async Task<Outcome<RemarkDto>> SaveAsync(LianxinDb db, TimeProvider clock, Guid roundId, Guid unitId, RemarkRequest r, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Failure.NotFound;
        if (!db.Coordinates(round)) return Failure.Forbidden;
        var unit = await db.RoundUnits.FirstOrDefaultAsync(u => u.RoundId == roundId && u.UnitId == unitId, ct);
        if (unit is null) return Failure.NotFound;
        var e = new Errors();
        e.Max(nameof(r.Report), r.Report, 2000, "汇报");
        e.Max(nameof(r.NextSteps), r.NextSteps, 2000, "下步工作计划");
        e.Max(nameof(r.Commitment), r.Commitment, 1000, "表态");
        e.Max(nameof(r.Comment), r.Comment, 2000, "点评");
        if (e.Any) return Failure.Invalid(e);
        if (round.State == RoundState.Draft) return Failure.Conflict("观摩开始后才能记录汇报与点评。");
        if (round.State == RoundState.Published) return Failure.Conflict("结果已发布，点评不能再修改。");

        var remark = await db.UnitRemarks.FirstOrDefaultAsync(x => x.RoundId == roundId && x.UnitId == unitId, ct);
        if (remark is null)
        {
            // Two coordinators writing the first remark at once: the second is stale, not a duplicate row.
            if (r.Version != 0) return Failure.Stale;
            remark = new UnitRemark { RoundId = roundId, UnitId = unitId, OrgPath = unit.OrgPath };
            db.UnitRemarks.Add(remark);
        }
        else if (remark.Version != r.Version) return Failure.Stale;
        remark.Report = Clean(r.Report);
        remark.NextSteps = Clean(r.NextSteps);
        remark.Commitment = Clean(r.Commitment);
        remark.Comment = Clean(r.Comment);
        remark.By = db.Scope.UserName;
        remark.UpdatedAt = clock.Now();
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return Dto(remark);
    }

    /// <summary>The remarks of a round's units the caller sees, by unit.</summary>
    public static async Task<Dictionary<Guid, RemarkDto>> OfRoundAsync(LianxinDb db, Guid roundId, CancellationToken ct) =>
        (await db.UnitRemarks.AsNoTracking().Where(x => x.RoundId == roundId).ToListAsync(ct)).ToDictionary(x => x.UnitId, Dto);

    /// <summary>A unit's remarks in the given rounds, by round.</summary>
    public static async Task<Dictionary<Guid, RemarkDto>> OfUnitAsync(LianxinDb db, Guid unitId, IReadOnlyCollection<Guid> roundIds, CancellationToken ct) =>
        (await db.UnitRemarks.AsNoTracking().Where(x => x.UnitId == unitId && roundIds.Contains(x.RoundId)).ToListAsync(ct)).ToDictionary(x => x.RoundId, Dto);

    static RemarkDto Dto(UnitRemark x) => new(x.UnitId, x.Report, x.NextSteps, x.Commitment, x.Comment, x.By, x.UpdatedAt, x.Version);

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
