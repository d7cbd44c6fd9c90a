using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

public record MyAccount(Guid Id, Guid CommunityId, string Community, long Balance, bool ShowName);

/// <summary>One line of a statement: <see cref="Change"/> is signed from the account's side; <see cref="Balance"/> after it.</summary>
public record StatementLine(Guid TransferId, DateTime At, TransferKind Kind, string KindName, string Memo, string? Reason, long Change, long Balance, string Community);

public record MyBank(IReadOnlyList<MyAccount> Accounts, long Total, IReadOnlyList<StatementLine> Statement);

/// <summary>A depositor's own accounts (one per community they earned in) and their statement, newest first, corrections included.</summary>
public static class GetMyBank
{
    public const int Lines = 200;

    public static async Task<Outcome<MyBank>> HandleAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } me) return Failure.Forbidden;
        // Personal rows: a party member's grant sits at a branch below the community that keeps the account.
        var accounts = await db.PbAccounts.AcrossScope().AsNoTracking().Where(a => a.Kind == AccountKind.Depositor && a.OwnerId == me)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var names = await org.NamesAsync(accounts.Select(a => a.CommunityId).ToList(), ct);
        var statement = await StatementAsync(db, accounts.Select(a => a.Id).ToList(), names, ct);
        return new MyBank(accounts.Select(a => new MyAccount(a.Id, a.CommunityId, names.GetValueOrDefault(a.CommunityId, ""), a.Balance, a.ShowName)).ToList(),
            accounts.Sum(a => a.Balance), statement);
    }

    /// <summary>The latest entries of these accounts with the balance after each (worked back from the cached balances, which the ledger check proves).</summary>
    internal static async Task<IReadOnlyList<StatementLine>> StatementAsync(LianxinDb db, IReadOnlyList<Guid> ids, IReadOnlyDictionary<Guid, string> communities, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var balances = await db.PbAccounts.AcrossScope().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Balance, ct);
        var rows = await db.PbTransfers.AcrossScope().AsNoTracking().Where(t => ids.Contains(t.DebitAccountId) || ids.Contains(t.CreditAccountId))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(Lines).ToListAsync(ct);
        var lines = new List<StatementLine>();
        foreach (var t in rows)
        {
            var mine = ids.Contains(t.CreditAccountId) ? t.CreditAccountId : t.DebitAccountId;
            var change = ids.Contains(t.CreditAccountId) ? t.Amount : -t.Amount;
            lines.Add(new StatementLine(t.Id, t.CreatedAt, t.Kind, t.Kind.Chinese(), t.Memo, t.Reason, change, balances[mine], communities.GetValueOrDefault(t.CommunityId, "")));
            balances[mine] -= change;
        }
        return lines;
    }
}
