using Lianxin.Web.Platform.Units;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Organizations.Features;

public class DissolveUnitRequest
{
    public string Reason { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>
/// Dissolves a unit without deleting it (history stays): its positions end today, its places fall back
/// to the parent, and grids/compounds that named it as their branch no longer have one. Refused while any module
/// still holds live records there (<see cref="IUnitLifecycle.LiveRecordsAsync"/>).
/// </summary>
public static class DissolveUnit
{
    public static async Task<Outcome<UnitSaved>> HandleAsync(LianxinDb db, UnitLifecycles lifecycles, TimeProvider clock, Guid id, DissolveUnitRequest r, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, unit.Path)) return Failure.Forbidden;
        var errors = new Errors();
        errors.Required("Reason", r.Reason, "请填写撤销原因。");
        errors.Max("Reason", r.Reason, 200, "撤销原因");
        if (errors.Any) return Failure.Invalid(errors);
        var activeChildren = await db.OrgUnits.AcrossScope().CountAsync(u => u.ParentId == unit.Id && u.Status == OrgStatus.Active, ct);
        if (OrgRules.CheckDissolve(unit, activeChildren) is { } why) return Failure.Conflict(why);
        // Every module is asked whether it still holds live records here (members on the roster, demands in hand…).
        if (await lifecycles.LiveRecordsAsync(db, unit.Path, ct) is { Count: > 0 } live)
            return Failure.Conflict($"“{unit.Name}”下仍有{string.Join("、", live)}，暂不能撤销。");
        if (unit.Version != r.Version) return Failure.Stale;

        db.Entry(unit).Property(u => u.Version).OriginalValue = r.Version;
        OrgRules.Dissolve(unit, r.Reason, clock.GetUtcNow().UtcDateTime);
        db.RecordChange(clock, unit.Id, OrgChangeKind.Dissolved, unit.ParentId, note: unit.DissolveReason);
        var today = clock.Today();
        foreach (var p in await db.OrgPositions.AcrossScope().Where(p => p.OrgUnitId == unit.Id && p.EndedOn == null).ToListAsync(ct))
            p.EndedOn = today;
        var parentPath = unit.Path[..(unit.Path.TrimEnd('/').LastIndexOf('/') + 1)];
        var root = unit.Path;
        foreach (var g in await db.Grids.AcrossScope().Where(g => g.OrgPath.StartsWith(root) || g.BranchId == unit.Id).ToListAsync(ct))
        {
            if (g.BranchId == unit.Id) g.BranchId = null;
            g.OrgPath = OrgRules.Rebase(g.OrgPath, root, parentPath);
        }
        foreach (var c in await db.Compounds.AcrossScope().Where(c => c.OrgPath.StartsWith(root) || c.BranchId == unit.Id).ToListAsync(ct))
        {
            if (c.BranchId == unit.Id) c.BranchId = null;
            c.OrgPath = OrgRules.Rebase(c.OrgPath, root, parentPath);
        }
        foreach (var b in await db.Buildings.AcrossScope().Where(x => x.OrgPath.StartsWith(root)).ToListAsync(ct)) b.OrgPath = OrgRules.Rebase(b.OrgPath, root, parentPath);
        foreach (var h in await db.Households.AcrossScope().Where(x => x.OrgPath.StartsWith(root)).ToListAsync(ct)) h.OrgPath = OrgRules.Rebase(h.OrgPath, root, parentPath);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new UnitSaved(unit.Id, unit.Version);
    }
}
