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

/// <summary>A demand's photos, stored with it (checked by Platform.Files.PhotoUpload).</summary>
public static class DemandPhotos
{
    public static void Attach(LianxinDb db, Demand d, IEnumerable<(string Type, byte[] Data)> photos, DateTime now)
    {
        foreach (var (type, data) in photos)
            db.DemandPhotos.Add(new DemandPhoto { TenantId = d.TenantId, DemandId = d.Id, OrgPath = d.OrgPath, ContentType = type, Size = data.Length, Data = data, CreatedAt = now });
    }

    /// <summary>Photo ids of a demand (scope-filtered: the caller sees them only if they see the demand).</summary>
    public static Task<List<Guid>> IdsAsync(LianxinDb db, Guid demandId, CancellationToken ct) =>
        db.DemandPhotos.Where(p => p.DemandId == demandId).OrderBy(p => p.CreatedAt).Select(p => p.Id).ToListAsync(ct);

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
        var existing = await db.DemandPhotos.CountAsync(p => p.DemandId == demandId, ct);
        var room = DemandPhotoRules.MaxPerDemand - existing;
        if (room <= 0) return Failure.Invalid("Photos", $"每件诉求最多 {DemandPhotoRules.MaxPerDemand} 张照片，已达上限。");
        var (photos, errors) = await PhotoUpload.ReadAsync(files, ct, "Photos", Math.Min(PhotoUpload.MaxCount, room));
        if (errors.Any) return Failure.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = photos.Select(p => new DemandPhoto
        {
            TenantId = d.TenantId, DemandId = d.Id, OrgPath = d.OrgPath, ContentType = p.Type, Size = p.Data.Length, Data = p.Data, CreatedAt = now,
        }).ToList();
        db.DemandPhotos.AddRange(added);
        await db.SaveChangesAsync(ct);
        return new PhotosAdded(d.Id, added.Select(p => p.Id).ToList());
    }
}
