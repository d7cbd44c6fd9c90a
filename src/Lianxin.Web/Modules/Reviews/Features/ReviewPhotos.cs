using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>A stored photo: for one item of a sheet (<see cref="ItemCode"/>) or for a finding (<see cref="FindingId"/>).</summary>
public record PhotoRef(Guid Id, Guid UnitId, Guid? SheetId, string? ItemCode, Guid? FindingId)
{
    public string Url => $"/api/v1/reviews/photos/{Id}";
}

/// <summary>Photos checked on the way in (<see cref="PhotoUpload"/>: at most 3 per item or finding, 5 MB, real images), kept in
/// rev_photos with the unit's path, and served only to those who may see the sheet or the finding.</summary>
public static class ReviewPhotos
{
    public static IQueryable<PhotoRef> Refs(IQueryable<ReviewPhoto> q) =>
        q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => new PhotoRef(p.Id, p.UnitId, p.SheetId, p.ItemCode, p.FindingId));

    public static Task<List<PhotoRef>> OfSheetAsync(LianxinDb db, Guid sheetId, CancellationToken ct) =>
        Refs(db.ReviewPhotos.Where(p => p.SheetId == sheetId)).ToListAsync(ct);

    public static Task<List<PhotoRef>> OfFindingsAsync(LianxinDb db, List<Guid> findingIds, CancellationToken ct) =>
        Refs(db.ReviewPhotos.Where(p => p.FindingId != null && findingIds.Contains(p.FindingId.Value))).ToListAsync(ct);

    /// <summary>Every photo of a round (item photos of submitted sheets and finding photos), for the result page.</summary>
    public static async Task<List<PhotoRef>> OfRoundAsync(LianxinDb db, Guid roundId, CancellationToken ct)
    {
        var submitted = db.ScoreSheets.Where(s => s.RoundId == roundId && s.State == SheetState.Submitted).Select(s => s.Id);
        return await Refs(db.ReviewPhotos.Where(p => p.RoundId == roundId && (p.FindingId != null || submitted.Contains(p.SheetId!.Value)))).ToListAsync(ct);
    }

    /// <summary>Adds new photos of one item to a sheet being saved, after checking the item and the count. Caller saves.</summary>
    public static async Task<Errors> StageForSheetAsync(LianxinDb db, ScoreSheet sheet, RubricDefinition def, IReadOnlyDictionary<string, List<(string Type, byte[] Data)>> add,
        IReadOnlyCollection<Guid> remove, DateTime now, CancellationToken ct)
    {
        var e = new Errors();
        var existing = await db.ReviewPhotos.Where(p => p.SheetId == sheet.Id).ToListAsync(ct);
        foreach (var p in existing.Where(p => remove.Contains(p.Id))) db.ReviewPhotos.Remove(p);
        foreach (var (code, photos) in add.Where(a => a.Value.Count > 0))
        {
            var item = def.Item(code);
            if (item is null) { e.Fail($"Photos.{code}", $"细则中没有编号为“{code}”的评分项。"); continue; }
            var kept = existing.Count(p => p.ItemCode == code && !remove.Contains(p.Id));
            if (kept + photos.Count > PhotoUpload.MaxCount)
            {
                e.Fail($"Photos.{code}", $"“{item.Title}”最多 {PhotoUpload.MaxCount} 张照片，已有 {kept} 张。");
                continue;
            }
            foreach (var (type, data) in photos)
                db.ReviewPhotos.Add(new ReviewPhoto
                {
                    RoundId = sheet.RoundId, UnitId = sheet.UnitId, OrgPath = sheet.OrgPath, SheetId = sheet.Id, ItemCode = code,
                    ContentType = type, Size = data.Length, Data = data, UploadedBy = db.Scope.UserId, CreatedAt = now,
                });
        }
        return e;
    }

    /// <summary>API: photos for one item of the caller's own open sheet (multipart). 400 when a file is no image, too big or too many; nothing saved then.</summary>
    public static async Task<Outcome<List<PhotoRef>>> AddToItemAsync(LianxinDb db, TimeProvider clock, Guid sheetId, string itemCode, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null || await db.RoundAsync(sheet.RoundId, ct) is not { } round) return Failure.NotFound;
        if (sheet.ReviewerId != db.Scope.UserId) return db.Coordinates(round) ? Failure.Forbidden : Failure.NotFound;
        var (photos, e) = await PhotoUpload.ReadAsync(files, ct);
        if (photos.Count == 0 && !e.Any) e.Fail("Photos", "请选择要上传的照片。");
        if (e.Any) return Failure.Invalid(e);
        if (round.State != RoundState.Open) return Failure.Conflict($"观摩轮次当前为“{ReviewFlow.Chinese(round.State)}”，不能修改评分。");
        if (sheet.State == SheetState.Submitted) return Failure.Conflict("评分表已提交并锁定；如需修改，请联系组织者退回。");
        var def = await db.DefinitionAsync(round.RubricId, ct);
        var staged = await StageForSheetAsync(db, sheet, def, new Dictionary<string, List<(string, byte[])>> { [itemCode] = photos }, [], clock.Now(), ct);
        if (staged.Any) return Failure.Invalid(staged);
        // The sheet changes with its photos: the version moves, so another tab holding the old one gets a 409 on save.
        sheet.UpdatedAt = clock.Now();
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return await OfSheetAsync(db, sheet.Id, ct);
    }

    /// <summary>Adds photos to a finding; the finding must be the caller's own or the caller coordinates the round.</summary>
    public static async Task<Outcome<List<PhotoRef>>> AddToFindingAsync(LianxinDb db, TimeProvider clock, Guid findingId, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null || await db.RoundAsync(finding.RoundId, ct) is not { } round) return Failure.NotFound;
        if (finding.ReportedBy != db.Scope.UserId && !db.Coordinates(round)) return Failure.Forbidden;
        var (photos, e) = await PhotoUpload.ReadAsync(files, ct);
        if (photos.Count == 0 && !e.Any) e.Fail("Photos", "请选择要上传的照片。");
        if (e.Any) return Failure.Invalid(e);
        var kept = await db.ReviewPhotos.CountAsync(p => p.FindingId == findingId, ct);
        if (kept + photos.Count > PhotoUpload.MaxCount)
            return Failure.Invalid("Photos", $"每个问题最多 {PhotoUpload.MaxCount} 张照片，已有 {kept} 张。");
        StageForFinding(db, finding, photos, clock.Now());
        await db.SaveChangesAsync(ct);
        return await OfFindingsAsync(db, [findingId], ct);
    }

    public static void StageForFinding(LianxinDb db, Finding finding, IEnumerable<(string Type, byte[] Data)> photos, DateTime now)
    {
        foreach (var (type, data) in photos)
            db.ReviewPhotos.Add(new ReviewPhoto
            {
                RoundId = finding.RoundId, UnitId = finding.UnitId, OrgPath = finding.OrgPath, FindingId = finding.Id,
                ContentType = type, Size = data.Length, Data = data, UploadedBy = db.Scope.UserId, CreatedAt = now,
            });
    }

    /// <summary>
    /// The photo, when the caller may see it: the scope filter first (outside the unit's line: not found), then a sheet's photo only
    /// for the round's coordinator and panel; a finding's photo for whoever sees the finding (the unit sees its own rectifications).
    /// </summary>
    public static async Task<Outcome<ReviewPhoto>> GetAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var photo = await db.ReviewPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (photo is null) return Failure.NotFound;
        if (photo.FindingId is null && await db.RoundAsync(photo.RoundId, ct) is null) return Failure.NotFound;
        return photo;
    }

    /// <summary>The uploader removes a photo of a sheet still being scored, or of a finding; the coordinator may remove a finding's.</summary>
    public static async Task<Outcome<bool>> DeleteAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var photo = await db.ReviewPhotos.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (photo is null || await db.RoundAsync(photo.RoundId, ct) is not { } round) return Failure.NotFound;
        if (photo.SheetId is { } sheetId)
        {
            var sheet = await db.ScoreSheets.FirstAsync(s => s.Id == sheetId, ct);
            if (sheet.ReviewerId != db.Scope.UserId) return Failure.Forbidden;
            if (round.State != RoundState.Open || sheet.State == SheetState.Submitted) return Failure.Conflict("评分表已提交或观摩已截止，照片不能删除。");
        }
        else if (photo.UploadedBy != db.Scope.UserId && !db.Coordinates(round)) return Failure.Forbidden;
        db.ReviewPhotos.Remove(photo);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
