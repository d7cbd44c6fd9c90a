using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

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
}
