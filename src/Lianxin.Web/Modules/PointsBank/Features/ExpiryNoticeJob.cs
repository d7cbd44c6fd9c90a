using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>
/// Tells depositors <see cref="PointsBankOptions.ExpiryNoticeDays"/> days ahead which points <see cref="ExpirePointsJob"/> will
/// take on that day unless they spend them: the batch due then is what would expire by that day less what expires the day
/// before (both as of now, with the same oldest-first rule). One notice per account and day (a unique row written with the
/// notice), so running the job again, or on another instance, tells nobody twice.
/// </summary>
public class ExpiryNoticeJob(LianxinDb db, TimeProvider clock, PointsBankOptions options) : IJob
{
    public static string Name => "pointsbank.expiry-notice";
    public static TimeSpan Period => TimeSpan.FromHours(6);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var day = clock.Today().AddDays(options.ExpiryNoticeDays);
        var byThen = await ExpirePointsJob.ExpirableAsync(db, CutoffOn(day), ct);
        if (byThen.Count == 0) return 0;
        var dayBefore = await ExpirePointsJob.ExpirableAsync(db, CutoffOn(day.AddDays(-1)), ct);
        var told = await db.PbExpiryNotices.Where(n => n.ExpiresOn == day).Select(n => n.AccountId).ToListAsync(ct);
        var done = 0;
        foreach (var (accountId, points) in byThen)
        {
            var batch = points - dayBefore.GetValueOrDefault(accountId);
            if (batch <= 0 || told.Contains(accountId)) continue;
            var account = await db.PbAccounts.AcrossScope().AsNoTracking().FirstAsync(a => a.Id == accountId, ct);
            db.PbExpiryNotices.Add(new ExpiryNotice { AccountId = accountId, ExpiresOn = day, Points = batch, CreatedAt = clock.GetUtcNow().UtcDateTime });
            Outbox.Notify(db, clock, new NotificationMessage("积分即将到期",
                $"您在X贤银行的 {batch} 积分将于 {day:yyyy年M月d日} 到期，到期前兑换可继续使用。", "/pointsbank/me", "pointsbank.expiry",
                RecipientUserId: account.OwnerId));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex)) { db.ChangeTracker.Clear(); continue; }
            done++;
        }
        return done;
    }

    /// <summary>The cut-off <see cref="ExpirePointsJob"/> uses on <paramref name="day"/>: points earned before it expire that day.</summary>
    DateTime CutoffOn(DateOnly day) => ChinaTime.StartOfDayUtc(day.AddMonths(-options.ExpiryMonths));
}
