using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.PointsBank.Domain;

/// <summary>Who an account belongs to. Depositors and merchants may never go below zero; the community's issuing and
/// clearing accounts are the other side of every movement (issuing goes negative by what is in circulation).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountKind>))]
public enum AccountKind { Depositor, Merchant, Issuing, Clearing }

/// <summary>What a transfer is. Points are minted only by <see cref="Earn"/> (confirmed hours, approved good deeds).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransferKind>))]
public enum TransferKind { Earn, Redeem, Expire, Settle, Reverse }

/// <summary>
/// One account of one community's bank (X贤银行). <see cref="OwnerId"/> is the user (depositor), the merchant, or the
/// community itself (issuing, clearing). <see cref="Balance"/> is a cache of credits minus debits, moved only by
/// <c>Ledger.ApplyAsync</c> in the transfer's transaction; the ledger check proves it equals the sum of the entries.
/// </summary>
public class Account : Entity, IOrgScoped
{
    public AccountKind Kind { get; set; }
    public Guid OwnerId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public long Balance { get; set; }
    /// <summary>A depositor's choice: show their name on the public X贤榜 (else masked).</summary>
    public bool ShowName { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool Guarded => Kind is AccountKind.Depositor or AccountKind.Merchant;
}

/// <summary>
/// One movement of points: <see cref="Amount"/> leaves <see cref="DebitAccountId"/> and reaches <see cref="CreditAccountId"/>.
/// Rows are never updated or deleted (database triggers refuse it); a correction is a <see cref="TransferKind.Reverse"/>
/// transfer naming the one it undoes. <see cref="Key"/> is the caller's idempotency key: unique per district.
/// </summary>
public class Transfer : Entity, IOrgScoped
{
    public string Key { get; set; } = "";
    public TransferKind Kind { get; set; }
    public Guid DebitAccountId { get; set; }
    public Guid CreditAccountId { get; set; }
    public long Amount { get; set; }
    /// <summary>What caused it: hours, deed, redemption, settlement, expiry, transfer (a reversal).</summary>
    public string CauseType { get; set; } = "";
    public Guid? CauseId { get; set; }
    public string Memo { get; set; } = "";
    public string? Reason { get; set; }
    public Guid? ReversesId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }

    /// <summary>Not stored: the kinds of the two accounts as <c>Ledger.New</c> saw them, so that the balance move of a community's own
    /// account can wait for the commit (ADR 0044); null on a transfer read back.</summary>
    internal AccountKind? DebitKind { get; set; }
    internal AccountKind? CreditKind { get; set; }
}

/// <summary>Points per hour of volunteering for one activity kind, set by the community.</summary>
public class EarnRate : Entity, IOrgScoped
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string ActivityKind { get; set; } = "";
    public int PointsPerHour { get; set; }
}

/// <summary>
/// A depositor was told that the points due to expire on <see cref="ExpiresOn"/> (Beijing day) will go unless spent: one row per
/// account and day (unique), so the notice job tells each expiring batch once however often it runs.
/// </summary>
public class ExpiryNotice : Entity
{
    public Guid AccountId { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public long Points { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class LedgerRules
{
    public static string Chinese(this TransferKind k) => k switch
    {
        TransferKind.Earn => "获得",
        TransferKind.Redeem => "兑换",
        TransferKind.Expire => "过期",
        TransferKind.Settle => "结算",
        TransferKind.Reverse => "冲正",
        _ => k.ToString(),
    };

    public static string Chinese(this AccountKind k) => k switch
    {
        AccountKind.Depositor => "储户",
        AccountKind.Merchant => "商家",
        AccountKind.Issuing => "发行账户",
        AccountKind.Clearing => "兑换清算账户",
        _ => k.ToString(),
    };

    /// <summary>Whole points for confirmed minutes at a rate per hour (rounded down: a part of a point is not minted).</summary>
    public static long PointsFor(int minutes, int pointsPerHour) => minutes <= 0 || pointsPerHour <= 0 ? 0 : (long)minutes * pointsPerHour / 60;

    /// <summary>"王**": the family name survives, the rest does not (the X贤榜 of a depositor who chose not to show their name).</summary>
    public static string MaskName(string name) =>
        string.IsNullOrWhiteSpace(name) ? "**" : name.Trim()[0] + new string('*', Math.Max(1, Math.Min(2, name.Trim().Length - 1)));
}
