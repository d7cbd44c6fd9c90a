using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>The merchant hands over the goods: the held points move from the clearing account to the merchant. Confirming twice answers the same.</summary>
public static class ConfirmRedemption
{
    public static async Task<Outcome<RedemptionView>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var read = await ReadHold(db, db.Scope.UserId ?? Guid.Empty, id, ct);
        if (read?.Hold is not { } x) return Failure.NotFound;
        var merchant = read.Merchant;
        if (x.State != RedemptionState.Pending) return await SettledAsync(db, x, RedemptionState.Confirmed, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var community = new BankCommunity(x.CommunityId, x.OrgPath, "");
        var clearing = read.Clearing ?? await Ledger.SystemAccountAsync(db, community, AccountKind.Clearing, now, ct);
        var till = read.Till ?? await Ledger.EnsureAsync(db, community, AccountKind.Merchant, merchant.Id, merchant.Name, now, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A failed save here always ends in a rollback: no SAVEPOINT and RELEASE round trips around each save (ADR 0044).
        db.Database.AutoSavepointsEnabled = false;
        var transfer = Ledger.New($"confirm:{id:N}", TransferKind.Redeem, clearing, till, x.Points, community, now,
            "redemption", x.Id, $"{x.ItemName} ×{x.Quantity}", db.Scope.UserId);
        db.PbTransfers.Add(transfer);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex)) { return await AgainAsync(db, tx, id, RedemptionState.Confirmed, ct); }
        // Only a pending hold, not past its time, is confirmed; a void or the expiry job may have closed it meanwhile.
        if (!await CloseHold.RunAsync(db, id, RedemptionState.Confirmed, now, unexpired: true, ct)) return await AgainAsync(db, tx, id, RedemptionState.Confirmed, ct);
        if (!await Ledger.ApplyAsync(db, [transfer], ct)) throw new InvalidOperationException("The clearing account is not guarded.");
        await tx.CommitAsync(ct);
        x.State = RedemptionState.Confirmed;
        x.ClosedAt = now;
        return RedeemAtTill.View(x, read.Name ?? "");
    }

    sealed record HoldRead(Merchant Merchant, Redemption? Hold, Account? Clearing, Account? Till, string? Name);

    // The caller's shop, the hold, the two accounts and the depositor's name, in one round trip (ADR 0047); compiled once
    // (ADR 0057), as the till's read. Left joins, not subqueries per row: SQLite has no APPLY. Each join meets at most one row.
    static readonly Func<LianxinDb, Guid, Guid, CancellationToken, Task<HoldRead?>> ReadHold = QueryFilters.CompileFirstAcrossScope(
        (LianxinDb db, Guid me, Guid id) =>
                from m in db.Set<Merchant>().AsNoTracking().Where(m => m.OwnerUserId == me && m.State == MerchantState.Approved)
                join h in db.Set<Redemption>().Where(r => r.Id == id) on m.Id equals h.MerchantId into hs
                from h in hs.DefaultIfEmpty()
                join c in db.Set<Account>().Where(a => a.Kind == AccountKind.Clearing) on new { m.CommunityId, Owner = m.CommunityId } equals new { c.CommunityId, Owner = c.OwnerId } into cs
                from c in cs.DefaultIfEmpty()
                join t in db.Set<Account>().Where(a => a.Kind == AccountKind.Merchant) on new { m.CommunityId, Owner = m.Id } equals new { t.CommunityId, Owner = t.OwnerId } into ts
                from t in ts.DefaultIfEmpty()
                select new HoldRead(m, h, c, t, db.Users.Where(u => h != null && u.Id == h.DepositorUserId).Select(u => u.DisplayName).FirstOrDefault()));

    /// <summary>Nothing applied: answer the hold's state now (the same result when it is already what was asked).</summary>
    internal static async Task<Outcome<RedemptionView>> AgainAsync(LianxinDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, Guid id,
        RedemptionState wanted, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        var x = await db.PbRedemptions.AcrossScope().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return await SettledAsync(db, x, wanted, ct);
    }

    internal static async Task<Outcome<RedemptionView>> SettledAsync(LianxinDb db, Redemption x, RedemptionState wanted, CancellationToken ct) =>
        x.State == wanted ? await RedeemAtTill.ViewAsync(db, x, ct)
        : x.State == RedemptionState.Pending ? Failure.Conflict("该兑换已超过确认时限，请重新扫码。")
        : Failure.Conflict($"该兑换{Redemption.Chinese(x.State)}，不能再{(wanted == RedemptionState.Confirmed ? "确认" : "作废")}。");
}
