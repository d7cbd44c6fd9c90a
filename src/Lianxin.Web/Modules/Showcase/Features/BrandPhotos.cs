using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>A brand's photos in the platform file store, seen by whoever may see the brand; staff who manage it add more (at most 9 in all).</summary>
public static class BrandPhotos
{
    public const string Module = "showcase", Kind = "brand";
    public const int MaxPhotos = 9;

    public static readonly FileOwner Owner = new(Module, Kind, ShowcasePermissions.View);

    public static async Task<List<Guid>> OfAsync(LianxinDb db, Guid brandId, CancellationToken ct) =>
        await FileStore.Of(db, Module, Kind).AsNoTracking().Where(f => f.OwnerId == brandId).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);

    public static async Task<Outcome<int>> AddAsync(LianxinDb db, TimeProvider clock, Guid brandId, IReadOnlyList<IFormFile>? files, CancellationToken ct)
    {
        var brand = await db.Brands.FirstOrDefaultAsync(b => b.Id == brandId, ct);
        if (brand is null) return Failure.NotFound;
        if (!db.Scope.Can(ShowcasePermissions.Manage, brand.OrgPath)) return Failure.Forbidden;
        var held = await FileStore.Of(db, Module, Kind).CountAsync(f => f.OwnerId == brandId, ct);
        if (held >= MaxPhotos) return Failure.Invalid("Photos", $"每个品牌最多 {MaxPhotos} 张照片。");
        var (photos, errors) = await PhotoUpload.ReadAsync(files, ct, "Photos", Math.Min(PhotoUpload.MaxCount, MaxPhotos - held));
        if (errors.Any) return Failure.Invalid(errors);
        if (photos.Count == 0) return Failure.Invalid("Photos", "请选择照片。");
        FileStore.Add(db, new Attachment(Module, Kind, brand.TenantId, brand.Id, brand.OrgPath), photos, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return held + photos.Count;
    }
}
