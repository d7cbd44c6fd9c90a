using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public record SheetRow(Guid Id, Guid RoundId, string RoundName, RoundState RoundState, Guid UnitId, string UnitName, int VisitOrder, DateTime? VisitAt,
    SheetState State, double Total, int Version);

public record SheetDto(Guid Id, Guid RoundId, string RoundName, RoundState RoundState, Guid UnitId, string UnitName, Guid ReviewerId, string Reviewer,
    SheetState State, Dictionary<string, ItemEntry> Entries, string? Comment, SheetResult Result, RubricDefinition Rubric,
    bool CanEdit, bool CanReopen, string? ReopenReason, int Version, List<CarriedRectification> Carried, List<PhotoRef> Photos)
{
    /// <summary>Items scored from an indicator, read now for a sheet still being filled in (a submitted sheet keeps the points it was submitted with).</summary>
    public IReadOnlyDictionary<string, IndicatorScore> Computed { get; init; } = new Dictionary<string, IndicatorScore>();
}

/// <summary>Photo changes saved with a sheet (the page's one form): new photos per item code (already checked by
/// <see cref="Lianxin.Web.Platform.Files.PhotoUpload"/>) and ids of the sheet's photos to remove.</summary>
public record SheetPhotoChanges(IReadOnlyDictionary<string, List<Lianxin.Web.Platform.Files.Upload>> Add, IReadOnlyCollection<Guid> Remove);

public class SaveSheetRequest
{
    public Dictionary<string, ItemEntry> Entries { get; set; } = [];
    public string? Comment { get; set; }
    /// <summary>The version read; a different current version is a 409, never a silent overwrite.</summary>
    public int Version { get; set; }
    /// <summary>Lock the sheet after saving.</summary>
    public bool Submit { get; set; }
}

public record ReopenRequest(string? Reason, int Version);

/// <summary>A reviewer's own sheets; reading, saving (draft), submitting; the coordinator reopens.</summary>
public static class ScoreSheets
{
    public static async Task<List<SheetRow>> MineAsync(LianxinDb db, Guid? roundId, CancellationToken ct)
    {
        var me = db.Scope.UserId ?? Guid.Empty;
        var q = from s in db.ScoreSheets
                join r in db.ReviewRounds on s.RoundId equals r.Id
                join u in db.RoundUnits on new { s.RoundId, s.UnitId } equals new { u.RoundId, u.UnitId }
                where s.ReviewerId == me && (roundId == null || s.RoundId == roundId)
                orderby r.CreatedAt descending, u.VisitOrder
                select new SheetRow(s.Id, r.Id, r.Name, r.State, u.UnitId, u.UnitName, u.VisitOrder, u.VisitAt, s.State, s.Total, s.Version);
        return await q.ToListAsync(ct);
    }

    /// <summary>The reviewer who owns it or the round's coordinator; anyone else gets 404.</summary>
    static async Task<(ScoreSheet Sheet, ReviewRound Round, bool Coordinator)?> LoadAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return null;
        var round = await db.RoundAsync(sheet.RoundId, ct);
        if (round is null) return null;
        var coordinator = db.Coordinates(round);
        if (!coordinator && sheet.ReviewerId != db.Scope.UserId) return null;
        return (sheet, round, coordinator);
    }

    public static async Task<Outcome<SheetDto>> GetAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct, IndicatorCatalog? indicators = null)
    {
        if (await LoadAsync(db, id, ct) is not var (sheet, round, coordinator)) return Failure.NotFound;
        var def = await db.DefinitionAsync(round.RubricId, ct);
        var unit = await db.RoundUnits.FirstAsync(u => u.RoundId == round.Id && u.UnitId == sheet.UnitId, ct);
        var reviewer = await db.Panelists.Where(p => p.RoundId == round.Id && p.UserId == sheet.ReviewerId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var entries = sheet.Entries;
        var computed = sheet.State == SheetState.Draft && round.State == RoundState.Open
            ? await IndicatorScores.ComputeAsync(db, indicators, round, def, sheet.UnitId, ct)
            : new Dictionary<string, IndicatorScore>();
        entries = IndicatorScores.Apply(entries, computed);
        var carried = await Rectifications.CarriedAsync(db, clock, round, [sheet.UnitId], ct);
        return new SheetDto(sheet.Id, round.Id, round.Name, round.State, sheet.UnitId, unit.UnitName, sheet.ReviewerId, reviewer, sheet.State,
            entries, sheet.Comment, ScoreRules.Score(def, entries), def,
            CanEdit: sheet.ReviewerId == db.Scope.UserId && sheet.State == SheetState.Draft && round.State == RoundState.Open,
            CanReopen: coordinator && sheet.State == SheetState.Submitted && round.State is RoundState.Open or RoundState.Closed,
            sheet.ReopenReason, sheet.Version, carried, await ReviewPhotos.OfSheetAsync(db, sheet.Id, ct)) { Computed = computed };
    }

    public static async Task<Outcome<SheetRow>> SaveAsync(LianxinDb db, TimeProvider clock, Guid id, SaveSheetRequest r, CancellationToken ct, SheetPhotoChanges? photos = null,
        IndicatorCatalog? indicators = null)
    {
        if (await LoadAsync(db, id, ct) is not var (sheet, round, _)) return Failure.NotFound;
        if (sheet.ReviewerId != db.Scope.UserId) return Failure.Forbidden;
        if (round.State != RoundState.Open) return Failure.Conflict($"观摩轮次当前为“{ReviewFlow.Chinese(round.State)}”，不能修改评分。");
        if (sheet.State == SheetState.Submitted) return Failure.Conflict("评分表已提交并锁定；如需修改，请联系组织者退回。");
        if (sheet.Version != r.Version) return Failure.Stale;
        var def = await db.DefinitionAsync(round.RubricId, ct);
        // Items read from an indicator are not the reviewer's to enter: whatever came for them is replaced by the figure's points.
        var computed = await IndicatorScores.ComputeAsync(db, indicators, round, def, sheet.UnitId, ct);
        var errors = ScoreRules.CheckAll(def, r.Entries.Where(e => !computed.ContainsKey(e.Key)).ToDictionary()).ToErrors("Entries.");
        r.Entries = IndicatorScores.Apply(r.Entries, computed);
        errors.Max("Comment", r.Comment, 2000, "点评");
        if (r.Submit)
        {
            var missing = def.Items.Where(i => i.Type is ItemType.Scored && !r.Entries.ContainsKey(i.Code)).ToList();
            if (missing.Count > 0) errors.Fail("Entries", $"还有 {missing.Count} 项未评分（如“{missing[0].Title}”），请评完再提交。");
        }
        if (errors.Any) return Failure.Invalid(errors);

        var now = clock.Now();
        if (photos is not null)
        {
            // Checked before anything changes: a photo too many leaves the scores unsaved as well (one save, one transaction).
            var photoErrors = await ReviewPhotos.StageForSheetAsync(db, sheet, def, photos.Add, photos.Remove, now, ct);
            if (photoErrors.Any) { db.ChangeTracker.Clear(); return Failure.Invalid(photoErrors); }
        }
        sheet.Entries = r.Entries.ToDictionary(e => e.Key, e => e.Value with { Note = string.IsNullOrWhiteSpace(e.Value.Note) ? null : e.Value.Note.Trim() });
        sheet.Comment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim();
        sheet.Rescore(def);
        sheet.UpdatedAt = now;
        if (r.Submit)
        {
            sheet.State = SheetState.Submitted;
            sheet.SubmittedAt = now;
        }
        // The round may have been closed since it was read above. Inside the save's transaction it must still be open at
        // the version read: a no-op update that fails once a close has committed and, on PostgreSQL, makes a close that
        // comes later wait for this save (SQLite writers are serial anyway).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stillOpen = await db.ReviewRounds.Where(x => x.Id == round.Id && x.Version == round.Version && x.State == RoundState.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Version, x => x.Version), ct);
        if (stillOpen == 0)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("观摩轮次刚刚被截止或修改，本次评分未保存；请刷新后查看。");
        }
        if (await db.SaveAsync(ct) is { } stale) return stale;
        await tx.CommitAsync(ct);
        var unit = await db.RoundUnits.FirstAsync(u => u.RoundId == round.Id && u.UnitId == sheet.UnitId, ct);
        return new SheetRow(sheet.Id, round.Id, round.Name, round.State, unit.UnitId, unit.UnitName, unit.VisitOrder, unit.VisitAt, sheet.State, sheet.Total, sheet.Version);
    }

    /// <summary>The coordinator unlocks a submitted sheet, with a reason (kept on the sheet, so the audit log records it).</summary>
    public static async Task<Outcome<SheetRow>> ReopenAsync(LianxinDb db, TimeProvider clock, Guid id, ReopenRequest r, CancellationToken ct)
    {
        if (await LoadAsync(db, id, ct) is not var (sheet, round, coordinator)) return Failure.NotFound;
        if (!coordinator) return Failure.Forbidden;
        var e = new Errors();
        e.Required("Reason", r.Reason, "请填写退回原因。");
        e.Max("Reason", r.Reason, 200, "退回原因");
        if (e.Any) return Failure.Invalid(e);
        if (round.State is not (RoundState.Open or RoundState.Closed)) return Failure.Conflict("结果已发布，评分只能通过更正修改。");
        if (sheet.State != SheetState.Submitted) return Failure.Conflict("该评分表尚未提交，无需退回。");
        if (sheet.Version != r.Version) return Failure.Stale;
        sheet.State = SheetState.Draft;
        sheet.SubmittedAt = null;
        sheet.ReopenReason = r.Reason!.Trim();
        sheet.UpdatedAt = clock.Now();
        if (round.State == RoundState.Closed) round.State = RoundState.Open;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new SheetRow(sheet.Id, round.Id, round.Name, round.State, sheet.UnitId, "", 0, null, sheet.State, sheet.Total, sheet.Version);
    }
}
