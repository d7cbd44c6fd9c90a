using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<PostKind>))]
public enum PostKind { Vanguard, BuildingLeader, GridWorker, RoadChief, DitchChief, Volunteer, Custom }
[JsonConverter(typeof(JsonStringEnumConverter<ClaimSource>))]
public enum ClaimSource { SelfChosen, Assigned }
[JsonConverter(typeof(JsonStringEnumConverter<ClaimStatus>))]
public enum ClaimStatus { Pending, Approved, Rejected, Ended }

/// <summary>A post a community or branch publishes (认岗领责). Approved claims may not exceed <see cref="Capacity"/>.</summary>
public class Post : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public PostKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Duties { get; set; }
    public int Capacity { get; set; } = 1;
    public Guid? GridId { get; set; }
    public Guid? CompoundId { get; set; }
    public Guid? BuildingId { get; set; }
    /// <summary>A road or ditch for 路长/沟长, or any other place in words.</summary>
    public string? Place { get; set; }
    public bool Open { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Claims holding a seat: approved and not ended.</summary>
    public static bool Holds(ClaimStatus s) => s == ClaimStatus.Approved;

    /// <summary>Null when one more may be approved, else why not.</summary>
    public string? CannotApproveAnother(int held) =>
        !Open ? "岗位已关闭。" : held >= Capacity ? $"岗位已满（共 {Capacity} 人）。" : null;

    public static string Chinese(PostKind k) => k switch
    {
        PostKind.Vanguard => "党员先锋岗",
        PostKind.BuildingLeader => "楼栋长",
        PostKind.GridWorker => "网格员",
        PostKind.RoadChief => "路长",
        PostKind.DitchChief => "沟长",
        PostKind.Volunteer => "志愿岗",
        _ => "其他岗位",
    };

    public static string Chinese(ClaimStatus s) => s switch
    {
        ClaimStatus.Pending => "待审核",
        ClaimStatus.Approved => "在岗",
        ClaimStatus.Rejected => "未通过",
        ClaimStatus.Ended => "已离岗",
        _ => s.ToString(),
    };
}

/// <summary>A member on a post: chosen by the member (自主择岗, pending approval) or assigned by the branch (支部定岗).</summary>
public class PostClaim : Entity, IOrgScoped, IVersioned
{
    public Guid PostId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public string OrgPath { get; set; } = "";
    public ClaimSource Source { get; set; }
    public ClaimStatus Status { get; set; }
    /// <summary>亮承诺: what the member promises to do on the post.</summary>
    public string? Pledge { get; set; }
    public DateTime ClaimedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    public DateTime? EndedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>党员责任区: a named zone (buildings, a compound or a road) and who answers for it.</summary>
public class ResponsibilityZone : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The buildings, compound or road it covers, in words.</summary>
    public string Area { get; set; } = "";
    public Guid? CompoundId { get; set; }
    /// <summary>Ended (撤销): the day and why; the zone and its members stay as history.</summary>
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public int Version { get; set; }
}

/// <summary>A member answering for a zone; <see cref="EndedOn"/> is set when an edit takes them off (history kept).</summary>
public class ZoneMember : Entity, IOrgScoped
{
    public Guid ZoneId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public string OrgPath { get; set; } = "";
    public string? Role { get; set; }
    public DateOnly? EndedOn { get; set; }
}
