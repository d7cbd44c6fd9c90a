using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>A stored photo: for one item of a sheet (<see cref="ItemCode"/>) or for a finding (<see cref="FindingId"/>).</summary>
public record PhotoRef(Guid Id, Guid UnitId, Guid? SheetId, string? ItemCode, Guid? FindingId)
{
    public string Url => FileStore.Url(Id);
    public string ThumbnailUrl => FileStore.ThumbnailUrl(Id);
}

/// <summary>Photos checked on the way in (<see cref="PhotoUpload"/>: at most 3 per item or finding, 5 MB, real images), kept in the
/// platform's file store with the unit's path (a sheet item's photo: owner the sheet, part the item code), and served by it only
/// to those who may see the sheet or the finding.</summary>
public static class ReviewPhotos
{
    public const string Module = "reviews", ItemKind = "item", FindingKind = "finding";

    /// <summary>A score sheet's photos: for the round's coordinator and panel only (as the sheet itself).</summary>
    public static readonly FileOwner ItemOwner = new(Module, ItemKind, ReviewPermissions.ReviewView, ReviewPermissions.ReviewScore) { Sees = SeesSheetAsync };
    /// <summary>A finding's photos: for whoever sees the finding (the unit sees its own rectifications).</summary>
    public static readonly FileOwner FindingOwner = new(Module, FindingKind, ReviewPermissions.ReviewView, ReviewPermissions.ReviewScore);

    static async Task<bool> SeesSheetAsync(LianxinDb db, Guid sheetId, CancellationToken ct) =>
        await db.ScoreSheets.Where(s => s.Id == sheetId).Select(s => (Guid?)s.RoundId).FirstOrDefaultAsync(ct) is { } roundId
        && await db.RoundAsync(roundId, ct) is not null;

    sealed record Stamped(PhotoRef Ref, DateTime At);

    static IQueryable<StoredFile> Items(LianxinDb db) => FileStore.Of(db, Module, ItemKind);
    static IQueryable<StoredFile> OfFindings(LianxinDb db) => FileStore.Of(db, Module, FindingKind);

    static IQueryable<Stamped> ItemsOf(LianxinDb db, IQueryable<ScoreSheet> sheets) =>
        from f in Items(db) join s in sheets on f.OwnerId equals s.Id
        select new Stamped(new PhotoRef(f.Id, s.UnitId, s.Id, f.OwnerPart, null), f.CreatedAt);

    static IQueryable<Stamped> FindingsOf(LianxinDb db, IQueryable<Finding> findings) =>
        from f in OfFindings(db) join x in findings on f.OwnerId equals x.Id
        select new Stamped(new PhotoRef(f.Id, x.UnitId, null, null, x.Id), f.CreatedAt);

    static async Task<List<PhotoRef>> InOrderAsync(CancellationToken ct, params IQueryable<Stamped>[] parts)
    {
        var all = new List<Stamped>();
        foreach (var q in parts) all.AddRange(await q.AsNoTracking().ToListAsync(ct));
        return all.OrderBy(x => x.At).ThenBy(x => x.Ref.Id).Select(x => x.Ref).ToList();
    }

    public static Task<List<PhotoRef>> OfSheetAsync(LianxinDb db, Guid sheetId, CancellationToken ct) =>
        InOrderAsync(ct, ItemsOf(db, db.ScoreSheets.Where(s => s.Id == sheetId)));

    public static Task<List<PhotoRef>> OfFindingsAsync(LianxinDb db, List<Guid> findingIds, CancellationToken ct) =>
        InOrderAsync(ct, FindingsOf(db, db.Findings.Where(f => findingIds.Contains(f.Id))));

    /// <summary>A finding's photos; not found when the caller does not see the finding.</summary>
    public static async Task<Outcome<List<PhotoRef>>> OfFindingAsync(LianxinDb db, Guid findingId, CancellationToken ct) =>
        await db.Findings.AnyAsync(f => f.Id == findingId, ct) ? await OfFindingsAsync(db, [findingId], ct) : Failure.NotFound;

    /// <summary>Every photo of a round (item photos of submitted sheets and finding photos), for the result page.</summary>
    public static Task<List<PhotoRef>> OfRoundAsync(LianxinDb db, Guid roundId, CancellationToken ct) =>
        InOrderAsync(ct, ItemsOf(db, db.ScoreSheets.Where(s => s.RoundId == roundId && s.State == SheetState.Submitted)),
            FindingsOf(db, db.Findings.Where(f => f.RoundId == roundId)));

    /// <summary>Adds new photos of one item to a sheet being saved, after checking the item and the count. Caller saves.</summary>
    public static async Task<Errors> StageForSheetAsync(LianxinDb db, ScoreSheet sheet, RubricDefinition def, IReadOnlyDictionary<string, List<Upload>> add,
        IReadOnlyCollection<Guid> remove, DateTime now, CancellationToken ct)
    {
        var e = new Errors();
        var existing = await Items(db).Where(p => p.OwnerId == sheet.Id).Select(p => new { p.Id, p.OwnerPart }).ToListAsync(ct);
        var removed = existing.Where(p => remove.Contains(p.Id)).Select(p => p.Id).ToList();
        if (removed.Count > 0) db.Files.RemoveRange(await Items(db).Where(p => removed.Contains(p.Id)).ToListAsync(ct));
        foreach (var (code, photos) in add.Where(a => a.Value.Count > 0))
        {
            var item = def.Item(code);
            if (item is null) { e.Fail($"Photos.{code}", $"细则中没有编号为“{code}”的评分项。"); continue; }
            var kept = existing.Count(p => p.OwnerPart == code && !remove.Contains(p.Id));
            if (kept + photos.Count > PhotoUpload.MaxCount)
            {
                e.Fail($"Photos.{code}", $"“{item.Title}”最多 {PhotoUpload.MaxCount} 张照片，已有 {kept} 张。");
                continue;
            }
            FileStore.Add(db, new Attachment(Module, ItemKind, sheet.TenantId, sheet.Id, sheet.OrgPath, code), photos, now);
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
        var staged = await StageForSheetAsync(db, sheet, def, new Dictionary<string, List<Upload>> { [itemCode] = photos }, [], clock.Now(), ct);
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
        var kept = await OfFindings(db).CountAsync(p => p.OwnerId == findingId, ct);
        if (kept + photos.Count > PhotoUpload.MaxCount)
            return Failure.Invalid("Photos", $"每个问题最多 {PhotoUpload.MaxCount} 张照片，已有 {kept} 张。");
        StageForFinding(db, finding, photos, clock.Now());
        await db.SaveChangesAsync(ct);
        return await OfFindingsAsync(db, [findingId], ct);
    }

    public static void StageForFinding(LianxinDb db, Finding finding, IEnumerable<Upload> photos, DateTime now) =>
        FileStore.Add(db, new Attachment(Module, FindingKind, finding.TenantId, finding.Id, finding.OrgPath), photos, now);

    /// <summary>The uploader removes a photo of a sheet still being scored, or of a finding; the coordinator may remove a finding's.</summary>
    public static async Task<Outcome<bool>> DeleteAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var photo = await db.Files.FirstOrDefaultAsync(p => p.Id == id && p.OwnerModule == Module, ct);
        if (photo is null) return Failure.NotFound;
        if (photo.OwnerKind == ItemKind)
        {
            var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == photo.OwnerId, ct);
            if (sheet is null || await db.RoundAsync(sheet.RoundId, ct) is not { } round) return Failure.NotFound;
            if (sheet.ReviewerId != db.Scope.UserId) return Failure.Forbidden;
            if (round.State != RoundState.Open || sheet.State == SheetState.Submitted) return Failure.Conflict("评分表已提交或观摩已截止，照片不能删除。");
        }
        else
        {
            var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == photo.OwnerId, ct);
            if (finding is null || await db.RoundAsync(finding.RoundId, ct) is not { } round) return Failure.NotFound;
            if (photo.CreatedBy != db.Scope.UserId && !db.Coordinates(round)) return Failure.Forbidden;
        }
        db.Files.Remove(photo);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
