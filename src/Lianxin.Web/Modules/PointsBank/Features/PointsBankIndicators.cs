using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>The bank's figures for leaders, read from the ledger's entries by community path.</summary>
public class PointsBankIndicators(LianxinDb db) : IIndicatorSource
{
    public const string Issued = "pointsbank.issued";
    public const string Redeemed = "pointsbank.redeemed";
    public const string Outstanding = "pointsbank.outstanding";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(Issued, "X贤银行发放积分", "期间内因确认的志愿服务时长和审核通过的好人好事记入储户的积分，减去期间内对这些记录的冲正。", "PointsBank", IndicatorUnit.Points, IndicatorRollup.Sum),
        new(Redeemed, "X贤银行兑换积分", "期间内商家确认兑换、记入商家账户的积分（待确认、已作废和已过期的兑换不计）。", "PointsBank", IndicatorUnit.Points, IndicatorRollup.Sum),
        new(Outstanding, "X贤银行储户积分余额", "截至期末，全部储户账户的积分余额合计（尚未兑换、未过期的积分；待确认兑换中的积分不计）。", "PointsBank", IndicatorUnit.Points, IndicatorRollup.Latest),
    ];

    public async Task<IReadOnlyDictionary<(string Code, string Path), IndicatorValue>> ReadAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> subtreePaths, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        var result = new Dictionary<(string, string), IndicatorValue>();
        if (subtreePaths.Count == 0) return result;
        // One grouped sum per figure for every subtree asked (ADR 0039), added up per subtree here.
        var root = SubtreeSums.Common(subtreePaths);
        var t = db.PbTransfers.AcrossScope().Where(x => x.OrgPath.StartsWith(root));
        var accounts = db.Set<Account>().AcrossScope();
        async Task<Dictionary<string, long>> Sums(IQueryable<Transfer> rows) => SubtreeSums.PerRoot(subtreePaths,
            await rows.GroupBy(x => x.OrgPath).Select(g => new { Path = g.Key, Sum = g.Sum(x => (long)x.Amount) }).ToListAsync(ct), r => r.Path, r => r.Sum(x => x.Sum));
        if (codes.Contains(Issued))
        {
            var earned = await Sums(t.Where(x => x.Kind == TransferKind.Earn && x.CreatedAt >= start && x.CreatedAt < end));
            var reversed = await Sums(t.Where(x => x.Kind == TransferKind.Reverse && x.CreatedAt >= start && x.CreatedAt < end
                && db.Set<Transfer>().Any(o => o.Id == x.ReversesId && o.Kind == TransferKind.Earn)));
            foreach (var path in earned.Keys) result[(Issued, path)] = new(earned[path] - reversed[path]);
        }
        if (codes.Contains(Redeemed))
            foreach (var (path, sum) in await Sums(t.Where(x => x.Kind == TransferKind.Redeem && x.CreatedAt >= start && x.CreatedAt < end
                && accounts.Any(a => a.Id == x.CreditAccountId && a.Kind == AccountKind.Merchant))))
                result[(Redeemed, path)] = new(sum);
        if (codes.Contains(Outstanding))
        {
            var until = t.Where(x => x.CreatedAt < end);
            var inflow = await Sums(until.Where(x => accounts.Any(a => a.Id == x.CreditAccountId && a.Kind == AccountKind.Depositor)));
            var outflow = await Sums(until.Where(x => accounts.Any(a => a.Id == x.DebitAccountId && a.Kind == AccountKind.Depositor)));
            foreach (var path in inflow.Keys) result[(Outstanding, path)] = new(inflow[path] - outflow[path]);
        }
        return result;
    }
}
