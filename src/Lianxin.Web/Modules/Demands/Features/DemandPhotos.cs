using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

public record PhotosAdded(Guid DemandId, IReadOnlyList<Guid> PhotoIds);

public record DemandPhotoDto(Guid Id, string Url, string ThumbnailUrl);

/// <summary>A demand's photos, kept in the platform's file store (checked by <see cref="PhotoUpload"/>) and served by it to holders of DemandView.</summary>
public static class DemandPhotos
{
    public const string Module = "demands", Kind = "demand";

    /// <summary>What the file store needs to serve them: the same permission as the demand itself.</summary>
    public static readonly FileOwner Owner = new(Module, Kind, DemandPermissions.DemandView);

    public static void Attach(LianxinDb db, Demand d, IEnumerable<Upload> photos, DateTime now) =>
        FileStore.Add(db, new Attachment(Module, Kind, d.TenantId, d.Id, d.OrgPath), photos, now);

    /// <summary>Photos of a demand, oldest first (scope-filtered: the caller sees them only if they see the demand's unit).</summary>
    public static async Task<List<DemandPhotoDto>> OfAsync(LianxinDb db, Guid demandId, CancellationToken ct) =>
        (await FileStore.Of(db, Module, Kind).Where(f => f.OwnerId == demandId).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct))
            .Select(id => new DemandPhotoDto(id, FileStore.Url(id), FileStore.ThumbnailUrl(id))).ToList();

    /// <summary>The list for the API: only for those who may see the demand (404 outside scope, 403 without DemandView there).</summary>
    public static async Task<Outcome<List<DemandPhotoDto>>> ListAsync(LianxinDb db, Guid demandId, CancellationToken ct)
    {
        var d = await db.Demands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == demandId, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandView, d.OrgPath) && !db.Scope.Can(DemandPermissions.DemandView, d.HandlerPath)) return Failure.Forbidden;
        return await OfAsync(db, demandId, ct);
    }

    /// <summary>
    /// Handlers add photos to a demand after intake (on site, at the hand-over): the same checks as the intake
    /// (at most 3 at a time, 5 MB each, real JPEG/PNG/WebP), at most <see cref="DemandPhotoRules.MaxPerDemand"/> in all.
    /// </summary>
    public static async Task<Outcome<PhotosAdded>> AddAsync(LianxinDb db, TimeProvider clock, Guid demandId, IReadOnlyList<IFormFile>? files, CancellationToken ct)
    {
        var d = await db.Demands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == demandId, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandHandle, d.OrgPath) && !db.Scope.Can(DemandPermissions.DemandHandle, d.HandlerPath)) return Failure.Forbidden;
        if (files is null || !files.Any(f => f.Length > 0)) return Failure.Invalid("Photos", "请选择要上传的照片（字段名 photos）。");
        var existing = await FileStore.Of(db, Module, Kind).CountAsync(f => f.OwnerId == demandId, ct);
        var room = DemandPhotoRules.MaxPerDemand - existing;
        if (room <= 0) return Failure.Invalid("Photos", $"每件诉求最多 {DemandPhotoRules.MaxPerDemand} 张照片，已达上限。");
        var (photos, errors) = await PhotoUpload.ReadAsync(files, ct, "Photos", Math.Min(PhotoUpload.MaxCount, room));
        if (errors.Any) return Failure.Invalid(errors);
        var added = FileStore.Add(db, new Attachment(Module, Kind, d.TenantId, d.Id, d.OrgPath), photos, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new PhotosAdded(d.Id, added.Select(p => p.Id).ToList());
    }
}
