using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class MatchRequest
{
    public Guid ResourceId { get; set; }
    public int Quantity { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A person confirms a match: a quantity of a resource is promised to a need. Staff of the need's community match any resource
/// of a unit in the same street; a unit's liaison answers the need with their own unit's resource. Neither the resource nor the
/// need is promised beyond its quantity: both carry a version token, so of two concurrent promises of the last unit the second
/// write finds the row changed, reads it again and is refused.
/// </summary>
public static class ConfirmMatch
{
    const int Attempts = 3;

    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid needId, MatchRequest r, CancellationToken ct)
    {
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null) return Failure.NotFound;
        var street = LoopRules.StreetOf(need.OrgPath);
        var resource = await db.Resources.AcrossScope().FirstOrDefaultAsync(x => x.Id == r.ResourceId && x.OrgPath.StartsWith(street), ct);
        var unit = resource is null ? null : await LoopAccess.NearUnitAsync(db, resource.PartnerUnitId, need.OrgPath, ct);
        var staff = LoopAccess.Staff(db, need.OrgPath);
        var liaison = unit is not null && EditPartnerUnit.IsLiaisonOf(db, unit.LiaisonUserId);
        if (unit is not null && !staff && !liaison) return Failure.Forbidden;
        if (unit is null)
            return staff || (await LoopAccess.MyUnitsAsync(db, ct)).Count > 0
                ? Failure.Invalid(nameof(r.ResourceId), "请选择本街道共建单位发布的资源。")
                : Failure.Forbidden;

        var e = new Errors();
        if (r.Quantity < 1) e.Fail(nameof(r.Quantity), "对接数量至少为 1。");
        e.Max(nameof(r.Note), r.Note, 200, "备注");
        var today = clock.Today();
        if (resource!.AvailableTo < today) e.Fail(nameof(r.ResourceId), "该资源的提供期已过。");
        if (e.Any) return Failure.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            if (need.Status != NeedStatus.Open) return Failure.Conflict("该需求已满足，不能再对接。");
            if (LoopRules.CheckPromise(r.Quantity, resource.Remaining, need.Remaining) is { } why) return Failure.Conflict(why);
            resource.Promised += r.Quantity;
            need.Promised += r.Quantity;
            if (need.Promised >= need.Quantity) (need.Status, need.MetAt) = (NeedStatus.Met, now);
            var match = new NeedMatch
            {
                NeedId = need.Id, ResourceId = resource.Id, PartnerUnitId = resource.PartnerUnitId, OrgPath = need.OrgPath, Quantity = r.Quantity,
                Note = LoopAccess.Blank(r.Note), ConfirmedAt = now, ConfirmedBy = db.Scope.UserName, ByLiaison = liaison && !staff,
            };
            db.NeedMatches.Add(match);
            try
            {
                await db.SaveChangesAsync(ct);
                return new LoopSaved(match.Id, resource.Version);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone promised from the same resource or to the same need meanwhile: undo this attempt's writes (the
                // transaction stays open after a version mismatch), forget it and its audit entries, read both again, check once more.
                if (db.Database.CurrentTransaction is { } tx) await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                need = await db.Needs.FirstAsync(n => n.Id == needId, ct);
                resource = await db.Resources.AcrossScope().FirstAsync(x => x.Id == r.ResourceId, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                if (db.Database.CurrentTransaction is { } tx) await tx.RollbackAsync(ct);
                return Failure.Stale;
            }
        }
    }
}
