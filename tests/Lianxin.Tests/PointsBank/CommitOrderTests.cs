using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.PointsBank;

/// <summary>
/// ADR 0044: inside a transaction a depositor's balance moves at once (its guard decides the answer), the community's own
/// account at the commit; a transaction that does not commit moves neither, and leaves nothing for the next one.
/// </summary>
public class CommitOrderTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task The_community_account_moves_at_the_commit_and_not_at_all_after_a_rollback()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "周阿婆");
        await App.ConfirmHoursAsync(user, 60); // 10 points, and the accounts exist
        await App.AsSystemAsync(async (_, db) =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var depositor = await db.PbAccounts.AcrossScope().AsNoTracking().SingleAsync(a => a.OwnerId == user && a.Kind == AccountKind.Depositor);
            var community = new BankCommunity(depositor.CommunityId, depositor.OrgPath, "");
            var issuing = await Ledger.SystemAccountAsync(db, community, AccountKind.Issuing, now, default);
            Task<long> Balance(Guid id) => db.PbAccounts.AcrossScope().Where(a => a.Id == id).Select(a => a.Balance).SingleAsync();
            Transfer Earn(long points) => Ledger.New($"hours:{Guid.NewGuid():N}", TransferKind.Earn, issuing, depositor, points, community, now,
                "hours", Guid.NewGuid(), "志愿服务 · 测试", null);
            var issued = await Balance(issuing.Id);

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var t = Earn(5);
                db.PbTransfers.Add(t);
                await db.SaveChangesAsync();
                Assert.True(await Ledger.ApplyAsync(db, [t], default));
                Assert.Equal(15, await Balance(depositor.Id));
                Assert.Equal(issued, await Balance(issuing.Id));
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var t = Earn(3);
                db.PbTransfers.Add(t);
                await db.SaveChangesAsync();
                Assert.True(await Ledger.ApplyAsync(db, [t], default));
                await tx.CommitAsync();
            }
            Assert.Equal(13, await Balance(depositor.Id));
            Assert.Equal(issued - 3, await Balance(issuing.Id));
            return 0;
        });
        Assert.Equal(13, await App.BalanceAsync(user));
        Assert.True((await App.CheckAsync()).Holds);
    }

    /// <summary>
    /// ADR 0047: the statements left for the commit go with the audit INSERT (one batch on PostgreSQL); one that changes no
    /// row fails the commit, and neither the transaction's rows nor their audit entries are kept.
    /// </summary>
    [Fact]
    public async Task A_statement_left_for_the_commit_that_changes_no_row_fails_the_commit()
    {
        var (user, _) = await App.NewUserAsync(Role.Resident, "钱阿公");
        await App.ConfirmHoursAsync(user, 60);
        await App.AsSystemAsync(async (_, db) =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var depositor = await db.PbAccounts.AcrossScope().AsNoTracking().SingleAsync(a => a.OwnerId == user && a.Kind == AccountKind.Depositor);
            var community = new BankCommunity(depositor.CommunityId, depositor.OrgPath, "");
            var issuing = await Ledger.SystemAccountAsync(db, community, AccountKind.Issuing, now, default);
            var key = $"hours:{Guid.NewGuid():N}";
            await using var tx = await db.Database.BeginTransactionAsync();
            var t = Ledger.New(key, TransferKind.Earn, issuing, depositor, 4, community, now, "hours", Guid.NewGuid(), "志愿服务 · 测试", null);
            db.PbTransfers.Add(t);
            await db.SaveChangesAsync();
            Assert.True(await Ledger.ApplyAsync(db, [t], default));
            var id = db.Model.FindEntityType(typeof(Account))!.FindProperty(nameof(Account.Id))!;
            using var factory = db.Database.GetDbConnection().CreateCommand();
            db.AtCommit(new CommitStatement("UPDATE \"pb_accounts\" SET \"Balance\" = \"Balance\" + 1 WHERE \"Id\" = {0}",
                [id.GetRelationalTypeMapping().CreateParameter(factory, "id", Guid.NewGuid())]));
            await Assert.ThrowsAsync<InvalidOperationException>(() => tx.CommitAsync());
            await tx.DisposeAsync();
            db.ChangeTracker.Clear();
            Assert.False(await db.PbTransfers.AcrossScope().AnyAsync(x => x.Key == key));
            Assert.False(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.EntityId == t.Id.ToString()));
            return 0;
        });
        Assert.Equal(10, await App.BalanceAsync(user));
        Assert.True((await App.CheckAsync()).Holds);
    }
}
