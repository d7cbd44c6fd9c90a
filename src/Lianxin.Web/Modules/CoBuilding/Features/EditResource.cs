using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class EditResourceRequest : ResourceInput
{
    public int Version { get; set; }
}

/// <summary>A unit's liaison (or staff) keeps a resource up to date; its unit stays, and it never drops below what is already promised.</summary>
public static class EditResource
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, EditResourceRequest r, CancellationToken ct)
    {
        var resource = await db.Resources.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (resource is null) return Failure.NotFound;
        var unit = await db.PartnerUnits.AcrossScope().AsNoTracking().FirstAsync(p => p.Id == resource.PartnerUnitId, ct);
        if (!LoopAccess.Staff(db, resource.OrgPath) && !EditPartnerUnit.IsLiaisonOf(db, unit.LiaisonUserId)) return Failure.Forbidden;
        var e = PublishResource.Check(r, clock.Today(), resource.Promised);
        if (e.Any) return Failure.Invalid(e);
        if (resource.Version != r.Version) return Failure.Stale;
        db.Entry(resource).Property(x => x.Version).OriginalValue = r.Version;
        PublishResource.Apply(resource, r);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new LoopSaved(resource.Id, resource.Version);
    }
}
