using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>The bank's rows follow a moved community (transfers keep their amounts: the entry triggers allow only the path to change);
/// a community whose depositors still hold points cannot be dissolved.</summary>
public class PointsBankUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["pb_accounts"] = await db.RebaseAsync<Account>(oldRoot, newRoot, ct),
            ["pb_transfers"] = await db.RebaseAsync<Transfer>(oldRoot, newRoot, ct),
            ["pb_earn_rates"] = await db.RebaseAsync<EarnRate>(oldRoot, newRoot, ct),
            ["pb_merchants"] = await db.RebaseAsync<Merchant>(oldRoot, newRoot, ct),
            ["pb_items"] = await db.RebaseAsync<CatalogueItem>(oldRoot, newRoot, ct),
            ["pb_redemptions"] = await db.RebaseAsync<Redemption>(oldRoot, newRoot, ct),
            ["pb_settlements"] = await db.RebaseAsync<Settlement>(oldRoot, newRoot, ct),
            ["pb_good_deeds"] = await db.RebaseAsync<GoodDeed>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var n = await db.PbAccounts.AcrossScope().CountAsync(a => a.OrgPath == path && a.Kind == AccountKind.Depositor && a.Balance > 0, ct);
        return n == 0 ? null : $"{n} 个X贤储户仍有积分";
    }
}
