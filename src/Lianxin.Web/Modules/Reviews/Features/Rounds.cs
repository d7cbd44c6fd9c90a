using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public record RoundRow(Guid Id, string Name, RoundState State, string StateName, int Units, int Reviewers, DateTime CreatedAt, DateTime? PublishedAt, bool Coordinator)
{
    /// <summary>Buildings: a 星级楼组 round whose "units" are buildings.</summary>
    public ReviewTarget Target { get; init; }
}

public record RoundUnitDto(Guid UnitId, string UnitName, int VisitOrder, DateTime? VisitAt, int Submitted);

public record PanelDto(Guid UserId, string DisplayName, string PanelRole);

public record RoundDetailDto(Guid Id, string Name, RoundState State, string StateName, Guid RubricId, string RubricName, int RubricVersion,
    AggregationRule Aggregation, int TrimMinReviewers, Dictionary<string, double> RoleWeights, Guid? PreviousRoundId, bool Coordinator,
    List<RoundUnitDto> Units, List<PanelDto> Panel, List<CarriedRectification> Carried, int Version, DateOnly? StartsOn = null, DateOnly? EndsOn = null,
    ReviewTarget Target = ReviewTarget.Units);

/// <summary>A unit's own published result in one round, with what was said at its visit and the street's 点评.</summary>
public record OwnResult(Guid RoundId, string RoundName, DateTime? PublishedAt, double? Total, int? Rank, int Units, double? PreviousTotal, int? PreviousRank, Dictionary<string, double> Sections)
{
    public RemarkDto? Remark { get; init; }
}

public static class Rounds
{
    /// <summary>Rounds the caller coordinates or sits on.</summary>
    public static async Task<List<RoundRow>> ListAsync(LianxinDb db, CancellationToken ct)
    {
        var me = db.Scope.UserId ?? Guid.Empty;
        var mine = await db.Panelists.Where(p => p.UserId == me).Select(p => p.RoundId).ToListAsync(ct);
        var rounds = await db.ReviewRounds.OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var visible = rounds.Where(r => db.Coordinates(r) || mine.Contains(r.Id)).ToList();
        var ids = visible.Select(r => r.Id).ToList();
        var units = await db.RoundUnits.Where(u => ids.Contains(u.RoundId)).GroupBy(u => u.RoundId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var panel = await db.Panelists.Where(u => ids.Contains(u.RoundId)).GroupBy(u => u.RoundId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return visible.Select(r => new RoundRow(r.Id, r.Name, r.State, ReviewFlow.Chinese(r.State), units.GetValueOrDefault(r.Id), panel.GetValueOrDefault(r.Id),
            r.CreatedAt, r.PublishedAt, db.Coordinates(r)) { Target = r.Target }).ToList();
    }

    public static async Task<Outcome<RoundDetailDto>> GetAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var r = await db.RoundAsync(id, ct);
        if (r is null) return Failure.NotFound;
        var rubric = await db.Rubrics.AcrossScope().FirstAsync(x => x.Id == r.RubricId, ct);
        var submitted = await db.ScoreSheets.Where(s => s.RoundId == id && s.State == SheetState.Submitted)
            .GroupBy(s => s.UnitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var units = await db.RoundUnits.Where(u => u.RoundId == id).OrderBy(u => u.VisitOrder)
            .Select(u => new RoundUnitDto(u.UnitId, u.UnitName, u.VisitOrder, u.VisitAt, 0)).ToListAsync(ct);
        units = units.Select(u => u with { Submitted = submitted.GetValueOrDefault(u.UnitId) }).ToList();
        var panel = await db.Panelists.Where(p => p.RoundId == id).OrderBy(p => p.DisplayName).Select(p => new PanelDto(p.UserId, p.DisplayName, p.PanelRole)).ToListAsync(ct);
        var carried = await Rectifications.CarriedAsync(db, clock, r, units.Select(u => u.UnitId).ToList(), ct);
        return new RoundDetailDto(r.Id, r.Name, r.State, ReviewFlow.Chinese(r.State), r.RubricId, rubric.Name, rubric.VersionNo, r.Aggregation, r.TrimMinReviewers,
            JsonSerializer.Deserialize<Dictionary<string, double>>(r.RoleWeightsJson) ?? [], r.PreviousRoundId, db.Coordinates(r), units, panel, carried, r.Version, r.StartsOn, r.EndsOn, r.Target);
    }

    /// <summary>What a unit sees of itself: its published results (the query filter limits rows to the caller's units).</summary>
    public static async Task<Outcome<List<OwnResult>>> UnitResultsAsync(LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.ReviewView, unit.Path)) return Failure.Forbidden;
        var rows = await db.RoundUnits.Where(u => u.UnitId == unitId && u.Published).ToListAsync(ct);
        var ids = rows.Select(r => r.RoundId).ToList();
        var rounds = await db.ReviewRounds.AcrossScope().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var counts = await db.RoundUnits.AcrossScope().Where(u => ids.Contains(u.RoundId))
            .GroupBy(u => u.RoundId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var remarks = await UnitRemarks.OfUnitAsync(db, unitId, ids, ct);
        return rows.Select(u => new OwnResult(u.RoundId, rounds[u.RoundId].Name, rounds[u.RoundId].PublishedAt, u.Total, u.Rank, counts[u.RoundId],
                u.PreviousTotal, u.PreviousRank, JsonSerializer.Deserialize<Dictionary<string, double>>(u.SectionsJson) ?? []) { Remark = remarks.GetValueOrDefault(u.RoundId) })
            .OrderByDescending(r => r.PublishedAt).ToList();
    }
}
