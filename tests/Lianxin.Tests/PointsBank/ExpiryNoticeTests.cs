using Lianxin.Tests.Support;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Tests.PointsBank;

/// <summary>Depositors hear, a set number of days ahead, which points will expire: once per expiring batch however often the job runs.</summary>
public class ExpiryNoticeTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task A_depositor_is_told_thirty_days_before_a_batch_expires_and_only_once()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "预告储户");
        var earnedOn = App.Clock.Today();
        await App.ConfirmHoursAsync(user, 600); // 100 points today
        // The expiry job takes them on the first day whose cut-off (24 months back) is after the day they were earned.
        var expiresOn = earnedOn.AddDays(1).AddMonths(24);
        List<string> Notices() => App.WithDb(db => db.Notifications.Where(n => n.RecipientUserId == user).Select(n => n.Body).ToList());

        App.Clock.SetUtcNow(ChinaTime.ToUtc(expiresOn.AddDays(-31), new TimeOnly(10, 0)));
        await App.RunJobAsync<ExpiryNoticeJob>();
        Assert.Empty(Notices());

        App.Clock.Advance(TimeSpan.FromDays(1));
        await App.RunJobAsync<ExpiryNoticeJob>();
        await App.RunJobAsync<ExpiryNoticeJob>();
        var notice = Assert.Single(Notices());
        Assert.Contains($"100 积分将于 {expiresOn:yyyy年M月d日} 到期", notice);

        // The next day's pass has no new batch for them; the expiry itself takes what they were told of.
        App.Clock.Advance(TimeSpan.FromDays(1));
        await App.RunJobAsync<ExpiryNoticeJob>();
        Assert.Single(Notices());
        App.Clock.SetUtcNow(ChinaTime.ToUtc(expiresOn, new TimeOnly(10, 0)));
        await App.RunJobAsync<ExpirePointsJob>();
        Assert.Equal(0, await App.BalanceAsync(user));
    }
}
