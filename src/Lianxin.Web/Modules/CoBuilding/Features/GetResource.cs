using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>One resource of a unit stationed in the caller's scope.</summary>
public static class GetResource
{
    public static async Task<Outcome<ResourceRow>> HandleAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var r = await db.Resources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Failure.NotFound;
        var unit = await db.PartnerUnits.AcrossScope().AsNoTracking().FirstAsync(p => p.Id == r.PartnerUnitId, ct);
        var mine = EditPartnerUnit.IsLiaisonOf(db, unit.LiaisonUserId);
        return new ResourceRow(r.Id, r.Title, r.Detail, r.Kind, r.Kind.Chinese(), r.Quantity, r.Promised, r.Measure, r.AvailableFrom, r.AvailableTo, unit.Id, unit.Name,
            mine, mine || LoopAccess.Staff(db, r.OrgPath), r.Version);
    }
}
