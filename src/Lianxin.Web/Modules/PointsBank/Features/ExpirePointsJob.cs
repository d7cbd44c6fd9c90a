using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>
/// Points earned more than <see cref="PointsBankOptions.ExpiryMonths"/> ago and not spent expire (depositor → issuing).
/// Spending uses the oldest points first, so what expires is the points earned before the cut-off minus everything spent
/// since the account opened (holds given back and reversed expiries do not count as spent; reversed old earnings were never
/// there). Keyed by account and day: a second pass on the same day expires nothing more.
/// </summary>
public class ExpirePointsJob(LianxinDb db, TimeProvider clock, PointsBankOptions options) : IJob
{
    public static string Name => "pointsbank.expiry";
    public static TimeSpan Period => TimeSpan.FromHours(6);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = ChinaTime.StartOfDayUtc(clock.Today().AddMonths(-options.ExpiryMonths));
        var due = await ExpirableAsync(db, cutoff, ct);
        var done = 0;
        foreach (var (accountId, amount) in due)
        {
            var account = await db.PbAccounts.AcrossScope().AsNoTracking().FirstAsync(a => a.Id == accountId, ct);
            var community = new BankCommunity(account.CommunityId, account.OrgPath, "");
            var issuing = await Ledger.SystemAccountAsync(db, community, AccountKind.Issuing, now, ct);
            var key = $"expire:{accountId:N}:{clock.Today():yyyyMMdd}";
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transfer = Ledger.New(key, TransferKind.Expire, account, issuing, amount, community, now, "expiry", null,
                $"{options.ExpiryMonths} 个月前获得的积分到期", null);
            db.PbTransfers.Add(transfer);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex)) { db.ChangeTracker.Clear(); continue; }
            if (!await Ledger.ApplyAsync(db, [transfer], ct)) { await tx.RollbackAsync(ct); db.ChangeTracker.Clear(); continue; }
            await tx.CommitAsync(ct);
            done++;
        }
        return done;
    }

    /// <summary>Per depositor account: the points that expire at <paramref name="cutoff"/> (only those with some).</summary>
    public static async Task<Dictionary<Guid, long>> ExpirableAsync(LianxinDb db, DateTime cutoff, CancellationToken ct)
    {
        var t = db.PbTransfers.AcrossScope();
        var depositors = db.PbAccounts.AcrossScope().Where(a => a.Kind == AccountKind.Depositor).Select(a => a.Id);
        var oldEarned = await Sum(t.Where(x => x.Kind == TransferKind.Earn && x.CreatedAt < cutoff && depositors.Contains(x.CreditAccountId)), x => x.CreditAccountId, ct);
        var oldEarnReversed = await Sum(t.Where(x => x.Kind == TransferKind.Reverse && depositors.Contains(x.DebitAccountId)
            && t.Any(o => o.Id == x.ReversesId && o.Kind == TransferKind.Earn && o.CreatedAt < cutoff)), x => x.DebitAccountId, ct);
        var spent = await Sum(t.Where(x => (x.Kind == TransferKind.Redeem || x.Kind == TransferKind.Expire) && depositors.Contains(x.DebitAccountId)), x => x.DebitAccountId, ct);
        var given = await Sum(t.Where(x => x.Kind == TransferKind.Reverse && depositors.Contains(x.CreditAccountId)), x => x.CreditAccountId, ct);
        var result = new Dictionary<Guid, long>();
        foreach (var (account, earned) in oldEarned)
        {
            var left = earned - oldEarnReversed.GetValueOrDefault(account) - (spent.GetValueOrDefault(account) - given.GetValueOrDefault(account));
            if (left > 0) result[account] = left;
        }
        return result;
    }

    static async Task<Dictionary<Guid, long>> Sum(IQueryable<Transfer> q, System.Linq.Expressions.Expression<Func<Transfer, Guid>> by, CancellationToken ct) =>
        (await q.GroupBy(by).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Sum);
}
