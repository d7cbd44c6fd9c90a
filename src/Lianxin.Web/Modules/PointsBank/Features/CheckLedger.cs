using Lianxin.Web.Modules.PointsBank.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>What the check found: <see cref="Problems"/> is empty when the district's ledger holds.</summary>
public record LedgerCheck(int Accounts, int Transfers, long BalanceSum, long Outstanding, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0;
}

/// <summary>
/// Proves the district's ledger from its entries: every cached balance equals its credits minus its debits, the balances
/// add up to zero (every transfer moves points between two accounts of the district), no depositor or merchant is below
/// zero, no transfer names an unknown account, every redemption's hold has exactly the moves its state implies, and no stock is below zero.
/// </summary>
public static class CheckLedger
{
    public static async Task<Outcome<LedgerCheck>> HandleAsync(LianxinDb db, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PointsBankPermissions.View)) return Failure.Forbidden;
        var t = db.PbTransfers.AcrossScope();
        var credits = await t.GroupBy(x => x.CreditAccountId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var debits = await t.GroupBy(x => x.DebitAccountId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var accounts = await db.PbAccounts.AcrossScope().AsNoTracking().Select(a => new { a.Id, a.Kind, a.Name, a.Balance }).ToListAsync(ct);
        var problems = new List<string>();
        foreach (var a in accounts)
        {
            var derived = credits.GetValueOrDefault(a.Id) - debits.GetValueOrDefault(a.Id);
            if (derived != a.Balance) problems.Add($"账户 {a.Name}（{a.Id}）余额 {a.Balance}，而分录合计 {derived}。");
            if (a.Kind is AccountKind.Depositor or AccountKind.Merchant && derived < 0) problems.Add($"账户 {a.Name}（{a.Id}）为负：{derived}。");
        }
        var known = accounts.Select(a => a.Id).ToHashSet();
        foreach (var id in credits.Keys.Concat(debits.Keys).Where(id => !known.Contains(id)).Distinct())
            problems.Add($"分录指向不存在的账户 {id}。");
        var sum = accounts.Sum(a => a.Balance);
        if (sum != 0) problems.Add($"全部账户余额合计为 {sum}，应为 0。");

        // Each redemption: a hold; confirmed adds exactly a confirm, voided or expired exactly a release, pending neither.
        var keys = await t.Where(x => x.CauseType == "redemption").Select(x => x.Key).ToListAsync(ct);
        var byRedemption = keys.GroupBy(k => k[(k.IndexOf(':') + 1)..]).ToDictionary(g => g.Key, g => g.Select(k => k[..k.IndexOf(':')]).Order().ToList());
        foreach (var r in await db.PbRedemptions.AcrossScope().AsNoTracking().Select(r => new { r.Id, r.State }).ToListAsync(ct))
        {
            var expected = r.State switch
            {
                RedemptionState.Pending => new[] { "hold" },
                RedemptionState.Confirmed => ["confirm", "hold"],
                _ => ["hold", "release"],
            };
            if (!byRedemption.GetValueOrDefault(r.Id.ToString("N"), []).SequenceEqual(expected))
                problems.Add($"兑换 {r.Id}（{Redemption.Chinese(r.State)}）的分录与状态不符。");
        }
        foreach (var item in await db.PbItems.AcrossScope().AsNoTracking().Where(i => i.Stock < 0).Select(i => new { i.Id, i.Name, i.Stock }).ToListAsync(ct))
            problems.Add($"商品 {item.Name}（{item.Id}）库存为负：{item.Stock}。");
        var outstanding = accounts.Where(a => a.Kind == AccountKind.Depositor).Sum(a => a.Balance);
        return new LedgerCheck(accounts.Count, await t.CountAsync(ct), sum, outstanding, problems);
    }
}
