using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record SettlementStatement(SettlementRow Settlement, string Merchant, string Address, string Community, IReadOnlyList<RedemptionView> Redemptions);

/// <summary>The printable statement of one settlement: the merchant, the period, every redemption it covers. The community's staff and the merchant read it.</summary>
public static class GetSettlementStatement
{
    public static async Task<Outcome<SettlementStatement>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        var s = await db.PbSettlements.AcrossScope().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var m = s is null ? null : await db.PbMerchants.AcrossScope().AsNoTracking().FirstAsync(x => x.Id == s.MerchantId, ct);
        if (s is null || m is null || !(db.Scope.Can(PointsBankPermissions.View, s.OrgPath) || m.OwnerUserId == db.Scope.UserId)) return Failure.NotFound;
        var views = new List<RedemptionView>();
        foreach (var r in await db.PbRedemptions.AcrossScope().AsNoTracking().Where(r => r.SettlementId == id).OrderBy(r => r.ClosedAt).ToListAsync(ct))
            views.Add(await RedeemAtTill.ViewAsync(db, r, ct));
        var community = (await org.NamesAsync([s.CommunityId], ct)).GetValueOrDefault(s.CommunityId, "");
        return new SettlementStatement(SettleMerchant.Row(s), m.Name, m.Address, community, views);
    }
}
