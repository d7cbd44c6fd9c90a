using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record ReverseRequest(string Reason);

public record TransferRow(Guid Id, TransferKind Kind, string KindName, long Amount, string Memo, string? Reason, DateTime CreatedAt);

/// <summary>
/// A correction: entries are never changed, so a wrongly credited earning is undone by a reversing transfer (depositor →
/// issuing) naming it and the reason, shown in the depositor's statement. Once per transfer; refused when the depositor has
/// already spent the points (the account may not go below zero).
/// </summary>
public static class ReverseTransfer
{
    public static async Task<Outcome<TransferRow>> HandleAsync(LianxinDb db, TimeProvider clock, Guid transferId, ReverseRequest r, CancellationToken ct)
    {
        var original = await db.PbTransfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transferId, ct);
        if (original is null) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, original.OrgPath)) return Failure.Forbidden;
        if (string.IsNullOrWhiteSpace(r.Reason)) return Failure.Invalid(nameof(r.Reason), "请写明冲正原因。");
        if (r.Reason.Trim().Length > 200) return Failure.Invalid(nameof(r.Reason), "冲正原因不能超过 200 个字符。");
        if (original.Kind != TransferKind.Earn) return Failure.Conflict("只能冲正积分获得记录；兑换请由商家作废。");
        var key = $"reverse:{transferId:N}";
        if (await db.PbTransfers.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct) is { } done) return Row(done);

        var now = clock.GetUtcNow().UtcDateTime;
        var community = new BankCommunity(original.CommunityId, original.OrgPath, "");
        var accounts = await db.PbAccounts.AcrossScope().AsNoTracking()
            .Where(a => a.Id == original.DebitAccountId || a.Id == original.CreditAccountId).ToDictionaryAsync(a => a.Id, ct);
        var reversal = Ledger.New(key, TransferKind.Reverse, accounts[original.CreditAccountId], accounts[original.DebitAccountId], original.Amount,
            community, now, "transfer", original.Id, "冲正 · " + original.Memo, db.Scope.UserId, r.Reason.Trim(), original.Id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PbTransfers.Add(reversal);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Row(await db.PbTransfers.AsNoTracking().FirstAsync(t => t.Key == key, ct));
        }
        if (!await Ledger.ApplyAsync(db, [reversal], ct))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Failure.Conflict($"储户余额已不足 {original.Amount} 分（积分已被使用），不能冲正。");
        }
        await tx.CommitAsync(ct);
        return Row(reversal);
    }

    internal static TransferRow Row(Transfer t) => new(t.Id, t.Kind, t.Kind.Chinese(), t.Amount, t.Memo, t.Reason, t.CreatedAt);
}
