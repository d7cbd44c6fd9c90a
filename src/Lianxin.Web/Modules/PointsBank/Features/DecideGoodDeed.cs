using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record DecideGoodDeedRequest(bool Approve, int Version);

/// <summary>
/// A second staff member (never the proposer) approves or rejects a proposed good deed; approval mints its points
/// (issuing → depositor) in the same transaction as the decision. The version and the transfer key make a double
/// approval apply once.
/// </summary>
public static class DecideGoodDeed
{
    public static async Task<Outcome<GoodDeedRow>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, DecideGoodDeedRequest r, CancellationToken ct)
    {
        var deed = await db.PbGoodDeeds.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deed is null) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, deed.OrgPath)) return Failure.Forbidden;
        if (deed.ProposedBy == db.Scope.UserId) return Failure.Conflict("好人好事积分须由提出人以外的另一名工作人员审核。");
        if (deed.State != DeedState.Proposed) return Failure.Conflict("该事迹已审核过。");
        if (deed.Version != r.Version) return Failure.Stale;

        var now = clock.GetUtcNow().UtcDateTime;
        if (!r.Approve)
        {
            Decide(deed, DeedState.Rejected, db.Scope.UserId, now);
            return await db.SaveAsync(ct) is { } stale ? stale : ProposeGoodDeed.Row(deed);
        }

        // The accounts are made (in their own saves) before the decision is marked, so that it is saved only with its transfer.
        var community = new BankCommunity(deed.CommunityId, deed.OrgPath, "");
        var issuing = await Ledger.SystemAccountAsync(db, community, AccountKind.Issuing, now, ct);
        var depositor = await Ledger.EnsureAsync(db, community, AccountKind.Depositor, deed.UserId, deed.PersonName, now, ct);
        Decide(deed, DeedState.Approved, db.Scope.UserId, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = Ledger.New($"deed:{deed.Id:N}", TransferKind.Earn, issuing, depositor, deed.Points, community, now, "deed", deed.Id,
            "好人好事 · " + deed.Description, db.Scope.UserId);
        db.PbTransfers.Add(transfer);
        try { await db.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || ex is DbUpdateException u && Ledger.IsUniqueViolation(u))
        {
            return Failure.Stale;
        }
        if (!await Ledger.ApplyAsync(db, [transfer], ct)) throw new InvalidOperationException("Earning debits only the issuing account.");
        await tx.CommitAsync(ct);
        return ProposeGoodDeed.Row(deed);
    }

    static void Decide(GoodDeed deed, DeedState state, Guid? by, DateTime now)
    {
        deed.State = state;
        deed.DecidedBy = by;
        deed.DecidedAt = now;
    }
}
