using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>The merchant calls a hold off (or it ran out of time): the points go back to the depositor and the stock to the shelf.</summary>
public static class VoidRedemption
{
    public static async Task<Outcome<RedemptionView>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var x = await ReadHold(db, db.Scope.UserId ?? Guid.Empty, id, ct);
        if (x is null) return Failure.NotFound;
        if (x.State != RedemptionState.Pending) return await ConfirmRedemption.SettledAsync(db, x, RedemptionState.Voided, ct);
        return await ReleaseAsync(db, clock, x, RedemptionState.Voided, ct);
    }

    /// <summary>
    /// Gives a pending hold back, once: the release transfer's key and the conditional state change (only from Pending)
    /// both make a second release, or a release racing a confirmation, apply nothing.
    /// </summary>
    internal static async Task<Outcome<RedemptionView>> ReleaseAsync(LianxinDb db, TimeProvider clock, Redemption x, RedemptionState to, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var community = new BankCommunity(x.CommunityId, x.OrgPath, "");
        var read = await ReadRelease(db, x.DepositorAccountId, $"hold:{x.Id:N}", x.DepositorUserId, ct)
            ?? throw new InvalidOperationException($"The redemption {x.Id} has no depositor account.");
        var depositor = read.Depositor;
        var hold = read.Hold ?? throw new InvalidOperationException($"The redemption {x.Id} has no hold to release.");
        var clearing = read.Clearing ?? await Ledger.SystemAccountAsync(db, community, AccountKind.Clearing, now, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A failed save here always ends in a rollback: no SAVEPOINT and RELEASE round trips around each save (ADR 0044).
        db.Database.AutoSavepointsEnabled = false;
        var transfer = Ledger.New($"release:{x.Id:N}", TransferKind.Reverse, clearing, depositor, x.Points, community, now, "redemption", x.Id,
            $"{x.ItemName} ×{x.Quantity}", db.Scope.UserId, to == RedemptionState.Expired ? "商家未在时限内确认，积分退回" : "商家作废兑换，积分退回", hold);
        db.PbTransfers.Add(transfer);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex)) { return await ConfirmRedemption.AgainAsync(db, tx, x.Id, to, ct); }
        if (!await CloseHold.RunAsync(db, x.Id, to, now, unexpired: false, ct)) return await ConfirmRedemption.AgainAsync(db, tx, x.Id, to, ct);
        await CounterUpdate.Add<CatalogueItem>(db, x.ItemId, nameof(CatalogueItem.Stock), x.Quantity, floorAtZero: false).RunAsync(db, ct);
        if (!await Ledger.ApplyAsync(db, [transfer], ct)) throw new InvalidOperationException("The clearing account is not guarded.");
        await tx.CommitAsync(ct);
        x.State = to;
        x.ClosedAt = now;
        return RedeemAtTill.View(x, read.Name ?? "");
    }

    // The hold, if the caller's approved shop made it; compiled once (ADR 0057) like the confirmation's read.
    static readonly Func<LianxinDb, Guid, Guid, CancellationToken, Task<Redemption?>> ReadHold = QueryFilters.CompileFirstAcrossScope(
        (LianxinDb db, Guid me, Guid id) =>
            from m in db.Set<Merchant>().AsNoTracking().Where(m => m.OwnerUserId == me && m.State == MerchantState.Approved)
            join h in db.Set<Redemption>().Where(r => r.Id == id) on m.Id equals h.MerchantId
            select h);

    sealed record ReleaseRead(Account Depositor, Account? Clearing, Guid? Hold, string? Name);

    // The depositor's and the clearing account, the hold's transfer and the depositor's name, in one round trip (ADR 0047);
    // compiled once (ADR 0057). A left join, not a subquery per row: SQLite has no APPLY. The clearing account is unique per community.
    static readonly Func<LianxinDb, Guid, string, Guid, CancellationToken, Task<ReleaseRead?>> ReadRelease = QueryFilters.CompileFirstAcrossScope(
        (LianxinDb db, Guid depositorAccountId, string holdKey, Guid depositorUserId) =>
            from a in db.Set<Account>().AsNoTracking().Where(a => a.Id == depositorAccountId)
            join c in db.Set<Account>().Where(c => c.Kind == AccountKind.Clearing) on new { a.CommunityId, Owner = a.CommunityId } equals new { c.CommunityId, Owner = c.OwnerId } into cs
            from c in cs.DefaultIfEmpty()
            select new ReleaseRead(a, c,
                db.Set<Transfer>().Where(t => t.Key == holdKey).Select(t => (Guid?)t.Id).FirstOrDefault(),
                db.Users.Where(u => u.Id == depositorUserId).Select(u => u.DisplayName).FirstOrDefault()));
}
