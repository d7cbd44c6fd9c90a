using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.PointsBank;

/// <summary>Points are minted only by confirmed volunteering hours (the Volunteering event) and good deeds a second person approved.</summary>
public class EarningTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task Confirmed_hours_earn_at_the_default_rate_once_per_attendance()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "赵大妈");
        var attendance = Guid.CreateVersion7();
        await App.ConfirmHoursAsync(user, 90, attendanceId: attendance);
        Assert.Equal(15, await App.BalanceAsync(user)); // 1.5 h × 10 points

        // The organiser's confirmation published again (a new event, the same attendance): nothing more.
        await App.ConfirmHoursAsync(user, 90, attendanceId: attendance);
        Assert.Equal(15, await App.BalanceAsync(user));
        var statement = await App.AsAsync(user, (sp, db) => GetMyBank.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), default));
        var line = Assert.Single(statement.Value!.Statement);
        Assert.Equal((TransferKind.Earn, 15L, 15L), (line.Kind, line.Change, line.Balance));
        Assert.Contains("平安巡逻", line.Memo);
    }

    [Fact]
    public async Task Hours_of_an_activity_held_below_the_community_earn_in_that_community()
    {
        // The earning finds the community by the issuing account hanging on a unit of the activity's path: a grid branch's
        // activity credits its community's account (the second credit always goes through that read; the first does too
        // unless it is the community's first earning in this fixture, which reads the org tree instead).
        var (user, _) = await App.NewUserAsync(Role.Resident, "孙大爷");
        var heping = App.Heping;
        var below = App.WithDb(db => db.OrgUnits.Where(u => u.ParentId == heping.Id).OrderBy(u => u.Code).Select(u => u.Path).First());
        await App.ConfirmHoursAsync(user, 60, communityPath: below);
        await App.ConfirmHoursAsync(user, 120, communityPath: below);
        Assert.Equal(30, await App.BalanceAsync(user));
        var accounts = await App.AsSystemAsync(async (_, db) => await db.PbAccounts.Where(a => a.OwnerId == user).Select(a => a.CommunityId).ToListAsync());
        Assert.Equal(heping.Id, Assert.Single(accounts));
        var earned = await App.AsSystemAsync(async (_, db) =>
        {
            var account = await db.PbAccounts.SingleAsync(a => a.OwnerId == user);
            return await db.PbTransfers.Where(t => t.CreditAccountId == account.Id).Select(t => new { t.CommunityId, t.OrgPath }).ToListAsync();
        });
        Assert.Equal(2, earned.Count);
        Assert.All(earned, t => Assert.Equal((heping.Id, heping.Path), (t.CommunityId, t.OrgPath)));
        Assert.True((await App.CheckAsync()).Holds);
    }

    [Fact]
    public async Task The_community_sets_a_rate_per_activity_kind()
    {
        var (user, _) = await App.NewUserAsync(Role.Member, "钱党员");
        var staff = App.WithDb(db => db.Users.Single(u => u.UserName == "staff").Id);
        var set = await App.AsAsync(staff, (sp, db) => SetEarnRate.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), App.Heping.Id, new EarnRateRequest("Environment", 30), default));
        Assert.True(set.IsOk, set.Message);
        // Rates are kept by the code Volunteering's event carries; a name that is not a kind is refused.
        var unknown = await App.AsAsync(staff, (sp, db) => SetEarnRate.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), App.Heping.Id, new EarnRateRequest("打麻将", 30), default));
        Assert.Equal("请选择志愿服务活动类型。", Assert.Single(unknown.Errors!["ActivityKind"]));
        await App.ConfirmHoursAsync(user, 120, kind: "Environment");
        await App.ConfirmHoursAsync(user, 60, kind: "Other"); // no rate set for it (the demo sets the others): the default
        Assert.Equal(60 + 10, await App.BalanceAsync(user));

        // A resident may not set rates.
        var denied = await App.AsAsync(user, (sp, db) => SetEarnRate.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), App.Heping.Id, new EarnRateRequest("Publicity", 99), default));
        Assert.False(denied.IsOk);
    }

    [Fact]
    public async Task A_good_deed_is_credited_only_when_a_second_person_approves_it()
    {
        var (user, userName) = await App.NewUserAsync(Role.Resident, "孙阿姨");
        var (staff, secretary) = App.WithDb(db => (db.Users.Single(u => u.UserName == "staff").Id, db.Users.Single(u => u.UserName == "secretary").Id));
        var proposed = await App.AsAsync(staff, (sp, db) => ProposeGoodDeed.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), App.Clock,
            new GoodDeedInput { CommunityId = App.Heping.Id, UserName = userName, Description = "拾到钱包归还失主", Points = 50 }, default));
        Assert.True(proposed.IsOk, proposed.Message);
        Assert.Equal(0, await App.BalanceAsync(user));

        var own = await App.AsAsync(staff, (_, db) => DecideGoodDeed.HandleAsync(db, App.Clock, proposed.Value!.Id, new DecideGoodDeedRequest(true, proposed.Value.Version), default));
        Assert.Equal(Lianxin.Web.Platform.OutcomeKind.Conflict, own.Kind);
        Assert.Equal(0, await App.BalanceAsync(user));

        var approved = await App.AsAsync(secretary, (_, db) => DecideGoodDeed.HandleAsync(db, App.Clock, proposed.Value!.Id, new DecideGoodDeedRequest(true, proposed.Value.Version), default));
        Assert.True(approved.IsOk, approved.Message);
        Assert.Equal(50, await App.BalanceAsync(user));
        var again = await App.AsAsync(secretary, (_, db) => DecideGoodDeed.HandleAsync(db, App.Clock, proposed.Value!.Id, new DecideGoodDeedRequest(true, proposed.Value.Version), default));
        Assert.False(again.IsOk);
        Assert.Equal(50, await App.BalanceAsync(user));

        // A resident cannot propose points at all.
        var byResident = await App.AsAsync(user, (sp, db) => ProposeGoodDeed.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), App.Clock,
            new GoodDeedInput { CommunityId = App.Heping.Id, UserName = userName, Description = "自己夸自己", Points = 1000 }, default));
        Assert.False(byResident.IsOk);
    }

    [Fact]
    public async Task A_wrong_earning_is_reversed_with_its_reason_and_entries_cannot_be_changed()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "李大爷");
        await App.ConfirmHoursAsync(user, 60);
        var staff = App.WithDb(db => db.Users.Single(u => u.UserName == "staff").Id);
        var earn = await App.AsSystemAsync((_, db) => db.PbTransfers.Where(t => t.CreditAccountId == db.Set<Account>().Single(a => a.OwnerId == user).Id).Select(t => t.Id).SingleAsync());

        var noReason = await App.AsAsync(staff, (_, db) => ReverseTransfer.HandleAsync(db, App.Clock, earn, new ReverseRequest(" "), default));
        Assert.Equal(Lianxin.Web.Platform.OutcomeKind.Invalid, noReason.Kind);
        var reversed = await App.AsAsync(staff, (_, db) => ReverseTransfer.HandleAsync(db, App.Clock, earn, new ReverseRequest("重复登记了同一次巡逻"), default));
        Assert.True(reversed.IsOk, reversed.Message);
        var twice = await App.AsAsync(staff, (_, db) => ReverseTransfer.HandleAsync(db, App.Clock, earn, new ReverseRequest("重复登记了同一次巡逻"), default));
        Assert.Equal(reversed.Value!.Id, twice.Value!.Id);
        Assert.Equal(0, await App.BalanceAsync(user));

        var statement = await App.AsAsync(user, (sp, db) => GetMyBank.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), default));
        Assert.Contains(statement.Value!.Statement, l => l.Kind == TransferKind.Reverse && l.Reason == "重复登记了同一次巡逻" && l.Change == -10);

        // The database itself refuses to rewrite or delete an entry.
        await Assert.ThrowsAnyAsync<Exception>(() => App.AsSystemAsync((_, db) => db.PbTransfers.Where(t => t.Id == earn).ExecuteUpdateAsync(s => s.SetProperty(t => t.Amount, 1000L))));
        await Assert.ThrowsAnyAsync<Exception>(() => App.AsSystemAsync((_, db) => db.PbTransfers.Where(t => t.Id == earn).ExecuteDeleteAsync()));
    }
}
