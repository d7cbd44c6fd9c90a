using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Mediation.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<DisputeType>))]
public enum DisputeType { Neighbour, Family, Property, Housing, Labour, Consumer, Other }

/// <summary>Open: being mediated. Agreed: 达成协议. Failed: 未达成. Litigation: 转诉讼 (referred to the court).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseState>))]
public enum CaseState { Open, Agreed, Failed, Litigation }

/// <summary>The three kinds of people on a team ("社区法官+社区调解员+调解志愿者").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TeamDuty>))]
public enum TeamDuty { Judge, Mediator, Volunteer }

[JsonConverter(typeof(JsonStringEnumConverter<PartySide>))]
public enum PartySide { Applicant, Respondent }

/// <summary>
/// A mediation case (调解案件) of a community. <see cref="OrgPath"/> is the community's path, but the case has its own scope
/// filter: only its team and the community's secretary and staff see it (ADR 0018), not the street above.
/// </summary>
public class MediationCase : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string CaseNo { get; set; } = "";
    public DisputeType Type { get; set; }
    public string Summary { get; set; } = "";
    public CaseState State { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? OutcomeNote { get; set; }
    public DateOnly? FollowUpDue { get; set; }
    public DateOnly? FollowedUpOn { get; set; }
    public string? FollowUpNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A party to a case: name and phone stored encrypted (Platform.Privacy.PersonalData), shown whole only to the team.</summary>
public class MediationParty : Entity
{
    public Guid CaseId { get; set; }
    public PartySide Side { get; set; }
    public string NameCipher { get; set; } = "";
    public string? PhoneCipher { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A person with an account on a case's team. This table has only the tenant filter: the case's own filter reads it to decide who
/// sees the case, and nothing else queries it except through a case already seen.
/// </summary>
public class MediationTeamMember : Entity
{
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public TeamDuty Duty { get; set; }
}

public class MediationSession : Entity
{
    public Guid CaseId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Notes { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public static class MediationNames
{
    public static string Chinese(this DisputeType t) => t switch
    {
        DisputeType.Neighbour => "邻里纠纷", DisputeType.Family => "婚姻家庭纠纷", DisputeType.Property => "物业纠纷", DisputeType.Housing => "房屋土地纠纷",
        DisputeType.Labour => "劳动争议", DisputeType.Consumer => "消费纠纷", _ => "其他纠纷",
    };

    public static string Chinese(this CaseState s) => s switch
    {
        CaseState.Open => "调解中", CaseState.Agreed => "达成协议", CaseState.Failed => "未达成", CaseState.Litigation => "转诉讼", _ => s.ToString(),
    };

    public static string Tone(this CaseState s) => s switch { CaseState.Open => "blue", CaseState.Agreed => "success", CaseState.Litigation => "warning", _ => "secondary" };

    public static string Chinese(this TeamDuty d) => d switch
    {
        TeamDuty.Judge => "社区法官", TeamDuty.Mediator => "社区调解员", _ => "调解志愿者",
    };

    public static string Chinese(this PartySide s) => s == PartySide.Applicant ? "申请人" : "被申请人";

    /// <summary>"张**": a party's name as shown to those who are not on the team.</summary>
    public static string MaskName(string name) => name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);
}
