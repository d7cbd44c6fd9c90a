using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public record LinkedTitle(Guid Id, string Title);

public record BrandDetail(Guid Id, Guid OrgUnitId, string UnitName, string Name, string Story, IReadOnlyList<Guid> PhotoIds,
    IReadOnlyList<LinkedTitle> Pledges, IReadOnlyList<LinkedTitle> Projects, bool CanManage, int Version);

/// <summary>A brand with its story, photos and the titles of its pledges and projects (those the caller sees).</summary>
public static class GetBrand
{
    public static async Task<Outcome<BrandDetail>> HandleAsync(LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects,
        Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var b = await db.Brands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return Failure.NotFound;
        var links = await db.BrandLinks.AsNoTracking().Where(l => l.BrandId == id).ToListAsync(ct);
        var pledgeTitles = await pledges.TitlesAsync(links.Where(l => l.Kind == BrandLinkKind.Pledge).Select(l => l.TargetId), ct);
        var projectTitles = await projects.TitlesAsync(links.Where(l => l.Kind == BrandLinkKind.Project).Select(l => l.TargetId), ct);
        return new BrandDetail(b.Id, b.OrgUnitId, await org.NameOfAsync(b.OrgUnitId, ct), b.Name, b.Story, await BrandPhotos.OfAsync(db, id, ct),
            pledgeTitles.Select(p => new LinkedTitle(p.Id, p.Title)).ToList(), projectTitles.Select(p => new LinkedTitle(p.Id, p.Title)).ToList(),
            db.Scope.Can(ShowcasePermissions.Manage, b.OrgPath), b.Version);
    }
}
