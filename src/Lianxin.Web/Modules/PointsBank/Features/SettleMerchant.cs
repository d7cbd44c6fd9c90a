using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record SettleRequest(DateOnly From, DateOnly To);

public record SettlementRow(Guid Id, Guid MerchantId, DateOnly PeriodFrom, DateOnly PeriodTo, long Points, int Redemptions, DateTime CreatedAt);

/// <summary>
/// The community buys back a merchant's redeemed points of a period (dates in Beijing time): every confirmed redemption of
/// the period not settled before is marked with this settlement, and one settle transfer (merchant → issuing) retires the
/// points. Settling the same period again answers the first settlement; overlapping periods never count a redemption twice.
/// </summary>
public static class SettleMerchant
{
    public static async Task<Outcome<SettlementRow>> HandleAsync(LianxinDb db, TimeProvider clock, Guid merchantId, SettleRequest r, CancellationToken ct)
    {
        var m = await db.PbMerchants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == merchantId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(PointsBankPermissions.Manage, m.OrgPath)) return Failure.Forbidden;
        var today = clock.Today();
        if (r.To < r.From) return Failure.Invalid(nameof(r.To), "结束日期不能早于开始日期。");
        if (r.To >= today) return Failure.Invalid(nameof(r.To), "只能结算已经结束的期间（截至昨天）。");
        var key = $"settle:{merchantId:N}:{r.From:yyyyMMdd}:{r.To:yyyyMMdd}";
        if (await db.PbSettlements.AsNoTracking().FirstOrDefaultAsync(s => s.TransferId == db.Set<Transfer>().Where(t => t.Key == key).Select(t => t.Id).FirstOrDefault(), ct) is { } done)
            return Row(done);

        var (start, end) = (ChinaTime.StartOfDayUtc(r.From), ChinaTime.StartOfDayUtc(r.To.AddDays(1)));
        var open = db.PbRedemptions.Where(x => x.MerchantId == merchantId && x.State == RedemptionState.Confirmed && x.SettlementId == null
            && x.ClosedAt >= start && x.ClosedAt < end);
        var points = await open.SumAsync(x => (long?)x.Points, ct) ?? 0;
        if (points == 0) return Failure.Conflict("该期间没有待结算的兑换。");

        var now = clock.GetUtcNow().UtcDateTime;
        var community = new BankCommunity(m.CommunityId, m.OrgPath, "");
        var issuing = await Ledger.SystemAccountAsync(db, community, AccountKind.Issuing, now, ct);
        var till = await Ledger.EnsureAsync(db, community, AccountKind.Merchant, m.Id, m.Name, now, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = Ledger.New(key, TransferKind.Settle, till, issuing, points, community, now, "settlement", null,
            $"{m.Name} {r.From:yyyy-MM-dd} 至 {r.To:yyyy-MM-dd} 兑换结算", db.Scope.UserId);
        var settlement = new Settlement
        {
            MerchantId = m.Id, CommunityId = m.CommunityId, OrgPath = m.OrgPath, PeriodFrom = r.From, PeriodTo = r.To, Points = points,
            TransferId = transfer.Id, CreatedAt = now, CreatedBy = db.Scope.UserId,
        };
        transfer.CauseId = settlement.Id;
        db.PbTransfers.Add(transfer);
        db.PbSettlements.Add(settlement);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Row(await db.PbSettlements.AsNoTracking().FirstAsync(s => s.TransferId == db.Set<Transfer>().Where(t => t.Key == key).Select(t => t.Id).First(), ct));
        }
        var marked = await open.ExecuteUpdateAsync(s => s.SetProperty(x => x.SettlementId, settlement.Id), ct);
        var markedPoints = await db.PbRedemptions.Where(x => x.SettlementId == settlement.Id).SumAsync(x => (long?)x.Points, ct) ?? 0;
        // Another settlement took some of these redemptions meanwhile: the amount would be wrong, so nothing is kept.
        if (markedPoints != points || !await Ledger.ApplyAsync(db, [transfer], ct))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Failure.Conflict("结算期间的兑换刚被另一次结算处理，请刷新后重试。");
        }
        await db.PbSettlements.Where(s => s.Id == settlement.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Redemptions, marked), ct);
        await tx.CommitAsync(ct);
        settlement.Redemptions = marked;
        return Row(settlement);
    }

    internal static SettlementRow Row(Settlement s) => new(s.Id, s.MerchantId, s.PeriodFrom, s.PeriodTo, s.Points, s.Redemptions, s.CreatedAt);
}
