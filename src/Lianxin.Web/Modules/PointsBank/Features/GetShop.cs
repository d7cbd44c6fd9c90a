using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record Shop(MerchantRow Merchant, long Balance, IReadOnlyList<CatalogueItemRow> Items, IReadOnlyList<RedemptionView> Pending,
    IReadOnlyList<RedemptionView> Recent, IReadOnlyList<SettlementRow> Settlements, IReadOnlyList<StatementLine> Statement);

/// <summary>The caller's shop: its application or, once approved, its catalogue, open holds, recent redemptions, settlements and statement.</summary>
public static class GetShop
{
    public static async Task<Outcome<Shop?>> HandleAsync(LianxinDb db, TimeProvider clock, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me) return Failure.Forbidden;
        var m = await db.PbMerchants.AcrossScope().AsNoTracking().Where(x => x.OwnerUserId == me).OrderByDescending(x => x.AppliedAt).FirstOrDefaultAsync(ct);
        if (m is null) return (Shop?)null;
        var today = clock.Today();
        var items = (await db.PbItems.AcrossScope().AsNoTracking().Where(i => i.MerchantId == m.Id).OrderBy(i => i.Points).ToListAsync(ct))
            .Select(i => AddCatalogueItem.Row(i, today)).ToList();
        var redemptions = await db.PbRedemptions.AcrossScope().AsNoTracking().Where(r => r.MerchantId == m.Id)
            .OrderByDescending(r => r.CreatedAt).Take(30).ToListAsync(ct);
        var views = new List<RedemptionView>();
        foreach (var r in redemptions) views.Add(await RedeemAtTill.ViewAsync(db, r, ct));
        var account = await Ledger.FindAsync(db, m.CommunityId, AccountKind.Merchant, m.Id, ct);
        var settlements = await db.PbSettlements.AcrossScope().AsNoTracking().Where(s => s.MerchantId == m.Id).OrderByDescending(s => s.PeriodTo).Take(12).ToListAsync(ct);
        var statement = account is null ? [] : await GetMyBank.StatementAsync(db, [account.Id], new Dictionary<Guid, string>(), ct);
        return new Shop(ApplyAsMerchant.Row(m), account?.Balance ?? 0, items, views.Where(v => v.State == RedemptionState.Pending).ToList(),
            views.Where(v => v.State != RedemptionState.Pending).ToList(), settlements.Select(SettleMerchant.Row).ToList(), statement);
    }
}
