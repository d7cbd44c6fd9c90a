using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public class MoveUnitRequest
{
    public Guid NewParentId { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Moves a subtree. Every unit below gets its new path and depth, and every module rewrites its own rows under the
/// subtree with one UPDATE per table (<see cref="UnitLifecycles"/>), all in one transaction: scope never sees a half-moved tree.
/// </summary>
public static class MoveUnit
{
    public static async Task<Outcome<UnitSaved>> HandleAsync(LianxinDb db, UnitLifecycles lifecycles, TimeProvider clock, Guid id, MoveUnitRequest r, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Failure.NotFound;
        if (r.NewParentId == Guid.Empty) return Failure.Invalid("NewParentId", "请选择新的上级组织。");
        var newParent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == r.NewParentId, ct);
        if (newParent is null) return Failure.Invalid("NewParentId", "所选上级组织不存在或不在您的管辖范围内。");
        // Taking a unit away from one parent and giving it to another needs the right at both.
        var oldParentPath = unit.Path[..(unit.Path.TrimEnd('/').LastIndexOf('/') + 1)];
        if (!db.Scope.Can(OrgPermissions.OrgManage, unit.Path)) return Failure.Forbidden;
        if (unit.ParentId is not null && (!db.Scope.Can(OrgPermissions.OrgManage, oldParentPath) || !db.Scope.Can(OrgPermissions.OrgManage, newParent.Path)))
            return Failure.Forbidden;
        if (OrgRules.CheckMove(unit, newParent) is { } why) return Failure.Conflict(why);
        if (unit.Version != r.Version) return Failure.Stale;

        var oldRoot = unit.Path;
        db.RecordChange(clock, unit.Id, OrgChangeKind.Moved, newParent.Id, fromParentId: unit.ParentId);
        var subtree = await db.OrgUnits.AcrossScope().Where(u => u.Path.StartsWith(oldRoot)).ToListAsync(ct);
        var tracked = subtree.First(u => u.Id == unit.Id);
        db.Entry(tracked).Property(u => u.Version).OriginalValue = r.Version;
        var (_, newRoot) = OrgRules.Move(tracked, newParent, subtree);
        var community = unit.Kind is OrgKind.Branch or OrgKind.Group ? await db.CommunityOfAsync(newParent, ct) : null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The units first: a concurrent edit of the moved unit is a 409 before any row has moved.
        if (await db.SaveAsync(ct) is { } failed) return failed;
        await lifecycles.RebaseAsync(db, unit.Id, oldRoot, newRoot, ct);
        // Places of a branch moved to another community now belong to that community.
        if (community is not null)
        {
            await db.Grids.AcrossScope().Where(g => g.OrgPath.StartsWith(newRoot)).ExecuteUpdateAsync(x => x.SetProperty(g => g.CommunityId, community.Id), ct);
            await db.Compounds.AcrossScope().Where(c => c.OrgPath.StartsWith(newRoot)).ExecuteUpdateAsync(x => x.SetProperty(c => c.CommunityId, community.Id), ct);
        }
        await db.SaveChangesAsync(ct); // the move's audit entry
        await tx.CommitAsync(ct);
        return new UnitSaved(tracked.Id, tracked.Version);
    }

    /// <summary>The units in the caller's scope a unit may be moved under and that the caller manages (for the move form).</summary>
    public static async Task<List<TreeNode>> CandidatesAsync(LianxinDb db, OrgUnit unit, CancellationToken ct)
    {
        var kinds = Enum.GetValues<OrgKind>().Where(k => k.MayContain(unit.Kind)).ToList();
        var rows = await db.OrgUnits.Where(u => kinds.Contains(u.Kind) && u.Status == OrgStatus.Active
            && u.Id != unit.ParentId && !u.Path.StartsWith(unit.Path)).Select(u => new { u.Id, u.Path }).Take(2000).ToListAsync(ct);
        var ids = rows.Where(u => db.Scope.Can(OrgPermissions.OrgManage, u.Path)).Select(u => u.Id).ToList();
        return await db.NodesAsync(db.OrgUnits.Where(u => ids.Contains(u.Id)), ct);
    }
}
