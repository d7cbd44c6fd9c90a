using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>A scan at the till. <see cref="RequestId"/> is chosen by the merchant's device once per scan: sending it again answers the first result.</summary>
public class RedeemRequest
{
    public Guid RequestId { get; set; }
    public string Code { get; set; } = "";
    public Guid ItemId { get; set; }
    public int Quantity { get; set; } = 1;
}

public record RedemptionView(Guid Id, Guid MerchantId, string ItemName, int Quantity, long Points, RedemptionState State, string StateName,
    string Depositor, DateTime CreatedAt, DateTime ExpiresAt, DateTime? ClosedAt);

/// <summary>
/// The merchant scans a depositor's code: the points are held (depositor → the community's clearing account) and the stock
/// taken, both by conditional updates in one transaction, so neither can go below zero however many tills scan at once.
/// </summary>
public static class RedeemAtTill
{
    public static async Task<Outcome<RedemptionView>> HandleAsync(LianxinDb db, DepositorCode codes, TimeProvider clock, PointsBankOptions options,
        RedeemRequest r, CancellationToken ct)
    {
        var e = new Errors();
        if (r.RequestId == Guid.Empty) e.Fail(nameof(r.RequestId), "缺少请求编号。");
        if (r.Quantity is < 1 or > 99) e.Fail(nameof(r.Quantity), "数量须在 1–99 之间。");
        var depositorUser = codes.Read(r.Code);
        if (depositorUser is null) e.Fail(nameof(r.Code), "兑换码无效或已过期，请储户刷新后重新出示。");
        if (e.Any) return Failure.Invalid(e);

        var user = depositorUser!.Value;
        var read = await ReadTill(db, db.Scope.UserId ?? Guid.Empty, r.ItemId, user, r.RequestId, ct);
        if (read is null) return Failure.Forbidden with { Message = "只有已获批准的X贤商家才能兑换积分。" };
        var merchant = read.Merchant;
        if (read.Earlier is { } earlier) return Same(earlier, merchant.Id, r, user, read.Name);
        if (read.Refused is { } refused) return SameRefusal(refused, r, user);

        var now = clock.GetUtcNow().UtcDateTime;
        var item = read.Item;
        if (item is null || !item.OnOffer(clock.Today())) return Failure.Invalid(nameof(r.ItemId), "请选择本店正在兑换的商品。");
        var community = new BankCommunity(merchant.CommunityId, merchant.OrgPath, "");
        var depositor = read.Depositor;
        if (depositor is null) return await RefuseAsync(db, merchant.Id, r, user, "该储户在本社区还没有积分。", now, ct);
        var clearing = read.Clearing ?? await Ledger.SystemAccountAsync(db, community, AccountKind.Clearing, now, ct);
        var points = (long)item.Points * r.Quantity;

        var redemption = new Redemption
        {
            Id = r.RequestId, MerchantId = merchant.Id, ItemId = item.Id, ItemName = item.Name, Quantity = r.Quantity, Points = points,
            DepositorAccountId = depositor.Id, DepositorUserId = depositor.OwnerId, CommunityId = merchant.CommunityId, OrgPath = merchant.OrgPath,
            State = RedemptionState.Pending, CreatedAt = now, ExpiresAt = now.AddMinutes(options.HoldMinutes),
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // A failed save here always ends in a rollback: no SAVEPOINT and RELEASE round trips around each save (ADR 0044).
            db.Database.AutoSavepointsEnabled = false;
            db.PbRedemptions.Add(redemption);
            var hold = Ledger.New($"hold:{r.RequestId:N}", TransferKind.Redeem, depositor, clearing, points, community, now,
                "redemption", redemption.Id, $"{merchant.Name} · {item.Name} ×{r.Quantity}（待确认）", db.Scope.UserId);
            db.PbTransfers.Add(hold);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex))
            {
                // The same scan arrived twice at once: the other one holds the points; answer what it did.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var first = await db.PbRedemptions.AcrossScope().AsNoTracking().FirstAsync(x => x.Id == r.RequestId, ct);
                return Same(first, merchant.Id, r, user, read.Name);
            }
            // The item is the caller's shop's (the till's read found it there), so the plain statement keeps the scope.
            var taken = await CounterUpdate.Add<CatalogueItem>(db, item.Id, nameof(CatalogueItem.Stock), -r.Quantity, floorAtZero: true).RunAsync(db, ct);
            var refusal = !taken ? "该商品库存不足。"
                : !await Ledger.ApplyAsync(db, [hold], ct) ? $"积分不足：兑换需要 {points} 分。"
                : null;
            if (refusal is not null)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await RefuseAsync(db, merchant.Id, r, user, refusal, now, ct);
            }
            await tx.CommitAsync(ct);
        }
        return View(redemption, read.Name ?? "");
    }

    sealed record TillRead(Merchant Merchant, Redemption? Earlier, RefusedScan? Refused, CatalogueItem? Item, Account? Depositor, Account? Clearing, string? Name);

    // What the scan needs, in one round trip (ADR 0047): the caller's shop, an earlier scan with this id (held or refused), the
    // item, the depositor's and the clearing account, and the depositor's name for the answer. Compiled once (ADR 0057): the
    // perf profile of the ledger bench put building, funcletizing and looking up the till's LINQ at several % of its CPU.
    // Left joins, not subqueries per row: SQLite has no APPLY. Each join meets at most one row (the keys are unique).
    static readonly Func<LianxinDb, Guid, Guid, Guid, Guid, CancellationToken, Task<TillRead?>> ReadTill = QueryFilters.CompileFirstAcrossScope(
        (LianxinDb db, Guid me, Guid itemId, Guid user, Guid requestId) =>
                from m in db.Set<Merchant>().AsNoTracking().Where(m => m.OwnerUserId == me && m.State == MerchantState.Approved)
                join i in db.Set<CatalogueItem>().Where(i => i.Id == itemId) on m.Id equals i.MerchantId into its
                from i in its.DefaultIfEmpty()
                join d in db.Set<Account>().Where(a => a.Kind == AccountKind.Depositor && a.OwnerId == user) on m.CommunityId equals d.CommunityId into ds
                from d in ds.DefaultIfEmpty()
                join c in db.Set<Account>().Where(a => a.Kind == AccountKind.Clearing) on new { m.CommunityId, Owner = m.CommunityId } equals new { c.CommunityId, Owner = c.OwnerId } into cs
                from c in cs.DefaultIfEmpty()
                // A request id another shop used is not found here; its insert then meets the key and answers the conflict.
                join x in db.Set<Redemption>().Where(x => x.Id == requestId) on m.Id equals x.MerchantId into xs
                from x in xs.DefaultIfEmpty()
                join f in db.Set<RefusedScan>().Where(f => f.Id == requestId) on m.Id equals f.MerchantId into fs
                from f in fs.DefaultIfEmpty()
                select new TillRead(m, x, f, i, d, c, db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).FirstOrDefault()));

    /// <summary>
    /// Refuses the scan and keeps the refusal under its request id (its own save, after the hold's rollback), so a retry
    /// answers it again. Two copies of one scan sent at the same moment can still answer differently (the second waited on
    /// the first's hold, which rolled back before the refusal was saved); whichever was stored is the answer from then on.
    /// </summary>
    static async Task<Outcome<RedemptionView>> RefuseAsync(LianxinDb db, Guid merchantId, RedeemRequest r, Guid depositorUser, string why, DateTime now,
        CancellationToken ct)
    {
        var refused = new RefusedScan
        {
            Id = r.RequestId, MerchantId = merchantId, ItemId = r.ItemId, Quantity = r.Quantity, DepositorUserId = depositorUser, Reason = why, CreatedAt = now,
        };
        db.PbRefusedScans.Add(refused);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex))
        {
            // The same scan, sent twice at once, was refused by the other copy first: the same answer.
            db.ChangeTracker.Clear();
        }
        return Failure.Conflict(why);
    }

    /// <summary>A retried scan: the first answer when it is the same request, a conflict when the id was used for another.</summary>
    static Outcome<RedemptionView> Same(Redemption earlier, Guid merchantId, RedeemRequest r, Guid depositorUser, string? depositorName) =>
        earlier.MerchantId == merchantId && earlier.ItemId == r.ItemId && earlier.Quantity == r.Quantity && earlier.DepositorUserId == depositorUser
            ? View(earlier, depositorName ?? "")
            : Failure.Conflict("该请求编号已用于另一笔兑换。");

    /// <summary>A retried scan that was refused: the same refusal when it is the same request.</summary>
    static Outcome<RedemptionView> SameRefusal(RefusedScan earlier, RedeemRequest r, Guid depositorUser) =>
        Failure.Conflict(earlier.ItemId == r.ItemId && earlier.Quantity == r.Quantity && earlier.DepositorUserId == depositorUser
            ? earlier.Reason
            : "该请求编号已用于另一笔兑换。");

    /// <summary>The approved shop whose till the caller runs.</summary>
    internal static Task<Merchant?> MerchantOfCallerAsync(LianxinDb db, CancellationToken ct)
    {
        var me = db.Scope.UserId ?? Guid.Empty;
        return db.PbMerchants.AcrossScope().AsNoTracking().FirstOrDefaultAsync(m => m.OwnerUserId == me && m.State == MerchantState.Approved, ct);
    }

    internal static async Task<RedemptionView> ViewAsync(LianxinDb db, Redemption x, CancellationToken ct) =>
        View(x, await db.Users.Where(u => u.Id == x.DepositorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "");

    /// <summary>The answer, with the depositor's name already read.</summary>
    internal static RedemptionView View(Redemption x, string depositorName) =>
        new(x.Id, x.MerchantId, x.ItemName, x.Quantity, x.Points, x.State, Redemption.Chinese(x.State), LedgerRules.MaskName(depositorName),
            x.CreatedAt, x.ExpiresAt, x.ClosedAt);
}
