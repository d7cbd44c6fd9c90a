using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Data;
using Lianxin.Web.Modules.PointsBank.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PointsBank.Features;

/// <summary>A community as the bank keeps it: the issuing and clearing accounts hang on it.</summary>
public record BankCommunity(Guid Id, string Path, string Name);

/// <summary>
/// The one way points move. A use case, inside its transaction, first saves its <see cref="Transfer"/> rows (the unique
/// <see cref="Transfer.Key"/> claims the request: a concurrent retry waits, then fails and reads the first answer), then
/// calls <see cref="ApplyAsync"/>, which moves the cached balances with conditional UPDATEs: a depositor or merchant
/// account is debited only <c>WHERE Balance &gt;= amount</c>, so two transactions can never both spend the same points
/// (PostgreSQL re-checks the condition on the row it waited for; SQLite runs one writer at a time). Accounts are updated
/// in id order, so two transfers over the same accounts cannot deadlock.
/// </summary>
public static class Ledger
{
    public static Transfer New(string key, TransferKind kind, Account debit, Account credit, long amount, BankCommunity community, DateTime now,
        string cause, Guid? causeId, string memo, Guid? by, string? reason = null, Guid? reverses = null) => new()
    {
        Key = key, Kind = kind, DebitAccountId = debit.Id, CreditAccountId = credit.Id, Amount = amount, CauseType = cause, CauseId = causeId,
        Memo = memo.Length > 200 ? memo[..200] : memo, Reason = reason, ReversesId = reverses, CommunityId = community.Id, OrgPath = community.Path,
        CreatedAt = now, CreatedBy = by, DebitKind = debit.Kind, CreditKind = credit.Kind,
    };

    /// <summary>
    /// Moves the balances of saved transfers; false (nothing may be committed then) when a guarded account would go below zero.
    /// Inside a transaction, the community's own accounts (issuing, clearing: never refused, and in every transfer of the
    /// community) are moved at the commit instead, after the audit entries (ADR 0044): their row lock, which every writer
    /// of the community waits for, is then held for the last statements only. Those moves still run in id order, after
    /// every guarded one, so two transactions take the rows in the same order and cannot deadlock.
    /// </summary>
    public static async Task<bool> ApplyAsync(LianxinDb db, IEnumerable<Transfer> transfers, CancellationToken ct)
    {
        var deltas = new Dictionary<Guid, long>();
        var shared = new HashSet<Guid>();
        foreach (var t in transfers)
        {
            if (t.Amount <= 0 || t.DebitAccountId == t.CreditAccountId) throw new InvalidOperationException("A transfer moves a positive amount between two accounts.");
            deltas[t.DebitAccountId] = deltas.GetValueOrDefault(t.DebitAccountId) - t.Amount;
            deltas[t.CreditAccountId] = deltas.GetValueOrDefault(t.CreditAccountId) + t.Amount;
            if (t.DebitKind is AccountKind.Issuing or AccountKind.Clearing) shared.Add(t.DebitAccountId);
            if (t.CreditKind is AccountKind.Issuing or AccountKind.Clearing) shared.Add(t.CreditAccountId);
        }
        var later = db.Database.CurrentTransaction is null ? [] : deltas.Where(d => d.Value != 0 && shared.Contains(d.Key)).OrderBy(d => d.Key).ToList();
        foreach (var (id, delta) in deltas.OrderBy(d => d.Key))
        {
            if (delta == 0 || shared.Contains(id) && later.Count > 0) continue;
            // A depositor or merchant account is debited only while it covers the amount (one plain statement, ADR 0066).
            var guarded = delta < 0 && !shared.Contains(id);
            if (!await CounterUpdate.Add<Account>(db, id, nameof(Account.Balance), delta, guarded).RunAsync(db, ct)) return false;
        }
        // The unguarded moves of the community's accounts, as statements the commit sends in one round trip with the audit INSERT (ADR 0047).
        foreach (var (id, delta) in later) db.AtCommit(CounterUpdate.Add<Account>(db, id, nameof(Account.Balance), delta, floorAtZero: false));
        return true;
    }

    /// <summary>The community's issuing or clearing account, made on first use.</summary>
    public static Task<Account> SystemAccountAsync(LianxinDb db, BankCommunity c, AccountKind kind, DateTime now, CancellationToken ct) =>
        EnsureAsync(db, c, kind, c.Id, kind.Chinese(), now, ct);

    /// <summary>
    /// The account, made on first use in its own short save (before the caller's transaction): two first uses at once
    /// meet the unique index, and the loser reads the winner's row.
    /// </summary>
    public static async Task<Account> EnsureAsync(LianxinDb db, BankCommunity c, AccountKind kind, Guid owner, string name, DateTime now, CancellationToken ct)
    {
        if (await FindAsync(db, c.Id, kind, owner, ct) is { } found) return found;
        var account = new Account { Kind = kind, OwnerId = owner, CommunityId = c.Id, OrgPath = c.Path, Name = name, CreatedAt = now };
        db.PbAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
            return account;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.Entry(account).State = EntityState.Detached;
            return (await FindAsync(db, c.Id, kind, owner, ct))!;
        }
    }

    public static Task<Account?> FindAsync(LianxinDb db, Guid communityId, AccountKind kind, Guid owner, CancellationToken ct) =>
        db.PbAccounts.AcrossScope().AsNoTracking().FirstOrDefaultAsync(a => a.CommunityId == communityId && a.Kind == kind && a.OwnerId == owner, ct);

    public static async Task<BankCommunity?> CommunityAsync(OrgDirectory org, string path, CancellationToken ct) =>
        await org.CommunityOfAsync(path, ct) is { } u ? new BankCommunity(u.Id, u.Path, u.DisplayName) : null;

    /// <summary>A unique index said no: the request (or the row) already exists.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == "23505",
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
