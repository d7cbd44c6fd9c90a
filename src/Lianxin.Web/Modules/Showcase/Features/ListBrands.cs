using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public record BrandRow(Guid Id, string Name, string UnitName, string Excerpt, int Links, Guid? CoverId);

/// <summary>The brands of the caller's units, by name.</summary>
public static class ListBrands
{
    public static async Task<Outcome<List<BrandRow>>> HandleAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var brands = await db.Brands.AsNoTracking().OrderBy(b => b.Name).Take(300)
            .Select(b => new { b.Id, b.Name, b.OrgUnitId, b.Story, Links = db.Set<Domain.BrandLink>().Count(l => l.BrandId == b.Id) }).ToListAsync(ct);
        var ids = brands.Select(b => b.Id).ToList();
        var covers = (await FileStore.Of(db, BrandPhotos.Module, BrandPhotos.Kind).AsNoTracking().Where(f => ids.Contains(f.OwnerId))
            .OrderBy(f => f.CreatedAt).Select(f => new { f.OwnerId, f.Id }).ToListAsync(ct)).GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g => g.First().Id);
        var names = await org.NamesAsync(brands.Select(b => b.OrgUnitId).Distinct().ToList(), ct);
        return brands.Select(b => new BrandRow(b.Id, b.Name, names.GetValueOrDefault(b.OrgUnitId, "—"),
            b.Story.Length > 60 ? b.Story[..60] + "…" : b.Story, b.Links, covers.TryGetValue(b.Id, out var c) ? c : null)).ToList();
    }
}
