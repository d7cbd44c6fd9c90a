using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.PointsBank.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<MerchantState>))]
public enum MerchantState { Applied, Approved, Rejected }

/// <summary>A shop (X贤商家) in a community that takes points for goods; it applies, the community approves it.</summary>
public class Merchant : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>The sign-in account (商家) that runs the shop's till.</summary>
    public Guid OwnerUserId { get; set; }
    public MerchantState State { get; set; }
    public DateTime AppliedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A thing a merchant gives for points. <see cref="Stock"/> moves only through conditional updates (never below zero);
/// editing the item never writes it.
/// </summary>
public class CatalogueItem : Entity, IOrgScoped, IVersioned
{
    public Guid MerchantId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public int Points { get; set; }
    public int Stock { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public bool OnOffer(DateOnly day) => IsActive && day >= ValidFrom && (ValidTo is null || day <= ValidTo);
}

[JsonConverter(typeof(JsonStringEnumConverter<RedemptionState>))]
public enum RedemptionState { Pending, Confirmed, Voided, Expired }

/// <summary>
/// A redemption at a till. Its id is chosen by the merchant's device (a retried scan applies once). Created as a hold:
/// the points move from the depositor to the community's clearing account and the stock is taken; confirming moves them
/// on to the merchant, voiding or expiry gives both back. State moves only Pending → one of the others, by a conditional update.
/// </summary>
public class Redemption : Entity, IOrgScoped
{
    public Guid MerchantId { get; set; }
    public Guid ItemId { get; set; }
    public string ItemName { get; set; } = "";
    public int Quantity { get; set; }
    public long Points { get; set; }
    public Guid DepositorAccountId { get; set; }
    public Guid DepositorUserId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public RedemptionState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? SettlementId { get; set; }

    public static string Chinese(RedemptionState s) => s switch
    {
        RedemptionState.Pending => "待确认",
        RedemptionState.Confirmed => "已兑换",
        RedemptionState.Voided => "已作废",
        RedemptionState.Expired => "已过期",
        _ => s.ToString(),
    };
}

/// <summary>
/// A scan the till refused although it was well formed (no stock, not enough points, no account in the community yet), kept
/// under the scan's request id (<see cref="Entity.Id"/>): a retry of the same scan answers the same refusal, even after the
/// depositor earned points or the shop restocked in between (the promise of <c>RedeemRequest</c>).
/// </summary>
public class RefusedScan : Entity
{
    public Guid MerchantId { get; set; }
    public Guid ItemId { get; set; }
    public int Quantity { get; set; }
    public Guid DepositorUserId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A merchant's redeemed points of one period bought back by the community (a settle transfer and a printable statement).</summary>
public class Settlement : Entity, IOrgScoped
{
    public Guid MerchantId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public long Points { get; set; }
    public int Redemptions { get; set; }
    public Guid TransferId { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DeedState>))]
public enum DeedState { Proposed, Approved, Rejected }

/// <summary>A good deed (好人好事) a staff member proposes for points; a second, different person approves it (four eyes).</summary>
public class GoodDeed : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid UserId { get; set; }
    public string PersonName { get; set; } = "";
    public string Description { get; set; } = "";
    public int Points { get; set; }
    public DeedState State { get; set; }
    public Guid ProposedBy { get; set; }
    public DateTime ProposedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}
