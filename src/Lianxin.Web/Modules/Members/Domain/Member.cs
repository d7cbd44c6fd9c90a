using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Modules.Members.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<Gender>))]
public enum Gender { Male, Female }
[JsonConverter(typeof(JsonStringEnumConverter<MemberCategory>))]
public enum MemberCategory { Full, Probationary }
/// <summary>党籍状态. Only <see cref="Normal"/> and <see cref="Suspended"/> members are on the roster. <see cref="Disqualified"/>: 取消预备党员资格.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberStatus>))]
public enum MemberStatus { Normal, Suspended, Expelled, Withdrawn, Deceased, TransferredOut, Disqualified }
[JsonConverter(typeof(JsonStringEnumConverter<Employment>))]
public enum Employment { InService, Retired, Floating, Unemployed, Student }

/// <summary>
/// A party member (党员). The branch holding the membership (组织关系所在支部) is <see cref="BranchId"/>/<see cref="OrgPath"/>;
/// it only changes through a <see cref="MemberTransfer"/>, and the status only through a <see cref="MemberStatusChange"/>,
/// so the roster of any past date can be rebuilt from the two histories.
/// </summary>
public class Member : Entity, IOrgScoped, IVersioned
{
    public string Name { get; set; } = "";
    /// <summary>The name cut into search terms (ADR 0036; never the phone or ID number): derived on every save, NULL only in rows written before migration 0049 until rebuilt.</summary>
    public string? SearchText { get => Platform.Lists.SearchTerms.Of(Name); private set { } }
    public Gender Gender { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    /// <summary>Personal: masked in the audit log like the ID number it comes from.</summary>
    [PersonalData]
    public DateOnly BirthDate { get; set; }
    /// <summary>The citizen ID number, AES-GCM encrypted (Platform.Privacy.PersonalData).</summary>
    public string IdNumberCipher { get; set; } = "";
    /// <summary>HMAC-SHA256 of the ID number: exact search and duplicate detection without decrypting.</summary>
    public string IdNumberHash { get; set; } = "";
    /// <summary>The mobile, AES-GCM encrypted like the ID number (ADR 0030); null when none is known.</summary>
    public string? PhoneCipher { get; set; }
    /// <summary>HMAC-SHA256 of the normalised mobile: the roster's search by phone.</summary>
    public string? PhoneHash { get; set; }
    public string? Education { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public MemberCategory Category { get; set; }
    public MemberStatus Status { get; set; }
    public DateOnly StatusSince { get; set; }
    public Guid BranchId { get; set; }
    public string OrgPath { get; set; } = "";
    /// <summary>The community the member lives in (from the compound), for dual reporting figures.</summary>
    public Guid? ResidenceCommunityId { get; set; }
    public Guid? CompoundId { get; set; }
    public Guid? BuildingId { get; set; }
    public Guid? HouseholdId { get; set; }
    [PersonalData]
    public string? Address { get; set; }
    public string? Workplace { get; set; }
    public Employment Employment { get; set; }
    /// <summary>流动党员: where they went.</summary>
    public string? FloatingTo { get; set; }
    /// <summary>The sign-in account of the member, when they have one (for "my" pages).</summary>
    public Guid? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public bool OnRoster => Status is MemberStatus.Normal or MemberStatus.Suspended;

    public int AgeOn(DateOnly day) => day.Year - BirthDate.Year - (day < BirthDate.AddYears(day.Year - BirthDate.Year) ? 1 : 0);
}

/// <summary>A dated change of status (正常 → 停止党籍 …). Never edited, only added.</summary>
public class MemberStatusChange : Entity, IOrgScoped
{
    public Guid MemberId { get; set; }
    public string OrgPath { get; set; } = "";
    public MemberStatus? From { get; set; }
    public MemberStatus To { get; set; }
    public DateOnly On { get; set; }
    public string? Reason { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<TransferKind>))]
public enum TransferKind { Joined, TransferIn, Internal, TransferOut }

/// <summary>
/// A change of the branch holding the membership. <see cref="TransferKind.Joined"/>/<see cref="TransferKind.TransferIn"/>
/// bring a member onto the district's roster (no from), <see cref="TransferKind.TransferOut"/> takes them off (no to).
/// <see cref="OrgPath"/> is the receiving branch (the sending one when leaving), so both sides can see their event.
/// </summary>
public class MemberTransfer : Entity, IOrgScoped
{
    public Guid MemberId { get; set; }
    public string OrgPath { get; set; } = "";
    public TransferKind Kind { get; set; }
    public Guid? FromBranchId { get; set; }
    public string? FromPath { get; set; }
    public Guid? ToBranchId { get; set; }
    public string? ToPath { get; set; }
    /// <summary>The organisation outside the district, for transfers in from or out to it.</summary>
    public string? OutsideOrg { get; set; }
    public DateOnly On { get; set; }
    public string? Reason { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
