using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class EditPartnerUnitRequest : PartnerUnitInput
{
    public int Version { get; set; }
}

/// <summary>
/// Staff edit any partner unit in their scope; a liaison edits only the unit they maintain, and not where it is
/// stationed nor who maintains it (those stay as they were).
/// </summary>
public static class EditPartnerUnit
{
    public static async Task<Outcome<PartnerUnitSaved>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, EditPartnerUnitRequest r, CancellationToken ct)
    {
        var unit = await db.PartnerUnits.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (unit is null) return Failure.NotFound;
        var staff = db.Scope.Can(CoBuildingPermissions.Manage, unit.OrgPath);
        if (!staff && !IsLiaisonOf(db, unit.LiaisonUserId)) return Failure.Forbidden;

        var e = CreatePartnerUnit.Check(r);
        if (staff)
        {
            var station = r.StationedUnitId == unit.StationedUnitId ? null : await CreatePartnerUnit.StationAsync(org, r.StationedUnitId, ct);
            if (r.StationedUnitId != unit.StationedUnitId && (station is null || !db.Scope.Can(CoBuildingPermissions.Manage, station.Path)))
                e.Fail(nameof(r.StationedUnitId), "请选择您辖区内驻在的街道或社区。");
            var liaison = await CreatePartnerUnit.LiaisonAsync(db, r.LiaisonUserName, e, ct);
            if (e.Any) return Failure.Invalid(e);
            if (station is not null) (unit.StationedUnitId, unit.OrgPath) = (station.Id, station.Path);
            unit.LiaisonUserId = liaison;
        }
        else if (e.Any) return Failure.Invalid(e);

        if (unit.Version != r.Version) return Failure.Stale;
        db.Entry(unit).Property(x => x.Version).OriginalValue = r.Version;
        CreatePartnerUnit.Apply(unit, r);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PartnerUnitSaved(unit.Id, unit.Version);
    }

    internal static bool IsLiaisonOf(LianxinDb db, Guid? liaisonUserId) => liaisonUserId is { } l && db.Scope.UserId == l;
}
