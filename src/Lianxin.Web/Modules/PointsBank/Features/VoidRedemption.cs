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
        var merchant = await RedeemAtTill.MerchantOfCallerAsync(db, ct);
        var x = merchant is null ? null : await db.PbRedemptions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.MerchantId == merchant.Id, ct);
        if (merchant is null || x is null) return Failure.NotFound;
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
        // The depositor's and the clearing account, the hold's transfer and the depositor's name, in one round trip (ADR 0047).
        var holdKey = $"hold:{x.Id:N}";
        // Captured as variables: the tables are extension properties, which an expression tree cannot hold.
        var accounts = db.PbAccounts;
        var users = db.Users;
        var transfers = db.PbTransfers;
        // A left join, not a subquery per row: SQLite has no APPLY. The clearing account is unique per community.
        var read = await (
                from a in db.PbAccounts.AcrossScope().AsNoTracking().Where(a => a.Id == x.DepositorAccountId)
                join c in accounts.Where(c => c.Kind == AccountKind.Clearing) on new { a.CommunityId, Owner = a.CommunityId } equals new { c.CommunityId, Owner = c.OwnerId } into cs
                from c in cs.DefaultIfEmpty()
                select new
                {
                    Depositor = a, Clearing = c,
                    Hold = transfers.Where(t => t.Key == holdKey).Select(t => (Guid?)t.Id).FirstOrDefault(),
                    Name = users.Where(u => u.Id == x.DepositorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
            .FirstAsync(ct);
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
        var moved = await db.PbRedemptions.AcrossScope().Where(r => r.Id == x.Id && r.State == RedemptionState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, to).SetProperty(r => r.ClosedAt, now), ct);
        if (moved != 1) return await ConfirmRedemption.AgainAsync(db, tx, x.Id, to, ct);
        await CounterUpdate.Add<CatalogueItem>(db, x.ItemId, nameof(CatalogueItem.Stock), x.Quantity, floorAtZero: false).RunAsync(db, ct);
        if (!await Ledger.ApplyAsync(db, [transfer], ct)) throw new InvalidOperationException("The clearing account is not guarded.");
        await tx.CommitAsync(ct);
        x.State = to;
        x.ClosedAt = now;
        return RedeemAtTill.View(x, read.Name ?? "");
    }
}
