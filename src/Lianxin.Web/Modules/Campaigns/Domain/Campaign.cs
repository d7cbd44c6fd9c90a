using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Campaigns.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<CampaignKind>))]
public enum CampaignKind { FireSafety, EBikeCharging, GasSafety, Environment, Other }

/// <summary>Draft: being set up by the street. Running: inspections are taken (within the period). Closed: figures only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignState>))]
public enum CampaignState { Draft, Running, Closed }

[JsonConverter(typeof(JsonStringEnumConverter<CheckResult>))]
public enum CheckResult { Pass, Fail, NotApplicable }

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity { Minor, Major, Severe }

/// <summary>Open: to be rectified. Done: the responsible side says it is fixed (with evidence). Verified: the inspector or the street checked it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
public enum TaskState { Open, Done, Verified }

/// <summary>
/// A special campaign (专项行动, e.g. 消防安全排查) set by a street for a period over compounds and buildings. <see cref="OrgPath"/> is
/// the street's; its own scope filter also shows it to whoever sees one of its places (a community, a grid, a compound branch).
/// </summary>
public class Campaign : Entity, IOrgScoped, IVersioned
{
    public Guid StreetId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public CampaignKind Kind { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Days a rectification task gets from the inspection that found the problem.</summary>
    public int RectifyDays { get; set; }
    public CampaignState State { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One line of a campaign's checklist (检查项). Read only through a campaign already found.</summary>
public class ChecklistItem : Entity
{
    public Guid CampaignId { get; set; }
    public int SortOrder { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A compound (whole) or one building of it in a campaign's scope, at the place's own path.</summary>
public class CampaignPlace : Entity, IOrgScoped
{
    public Guid CampaignId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid CompoundId { get; set; }
    public Guid? BuildingId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>An inspection (检查记录) of one place, taken on a phone by community or grid staff or a compound secretary.</summary>
public class Inspection : Entity, IOrgScoped
{
    public Guid CampaignId { get; set; }
    public Guid PlaceId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly InspectedOn { get; set; }
    public Guid InspectorUserId { get; set; }
    public string InspectorName { get; set; } = "";
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The answer to one checklist item. Read only through an inspection already found.</summary>
public class InspectionAnswer : Entity
{
    public Guid InspectionId { get; set; }
    public Guid ItemId { get; set; }
    public CheckResult Result { get; set; }
    public string? Note { get; set; }
}

/// <summary>A problem found (问题): a failed checklist item or one the inspector wrote down. It may raise a demand or a draft pledge, once each.</summary>
public class CampaignFinding : Entity, IOrgScoped, IVersioned
{
    public Guid CampaignId { get; set; }
    public Guid InspectionId { get; set; }
    public Guid PlaceId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid? ItemId { get; set; }
    public string Text { get; set; } = "";
    public Severity Severity { get; set; }
    public Guid InspectorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DemandRaisedAt { get; set; }
    public DateTime? PledgeRaisedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The rectification of a finding (整改任务): by the responsible unit named (物业、产权单位…) or a partner unit of 共驻共建, by a
/// deadline; done with evidence, then verified by the inspector or the street (or sent back).
/// </summary>
public class RectificationTask : Entity, IOrgScoped, IVersioned
{
    public Guid FindingId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string? ResponsibleUnit { get; set; }
    public Guid? PartnerUnitId { get; set; }
    public DateOnly DueOn { get; set; }
    public TaskState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DoneNote { get; set; }
    public string? DoneBy { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTime? VerifiedAt { get; set; }
    /// <summary>Why the last "done" was sent back (shown until it is done again).</summary>
    public string? ReturnNote { get; set; }
    public int Version { get; set; }

    public bool Overdue(DateOnly today) => State == TaskState.Open && DueOn < today;
}

public static class CampaignNames
{
    public static string Chinese(this CampaignKind k) => k switch
    {
        CampaignKind.FireSafety => "消防安全", CampaignKind.EBikeCharging => "电动车违规充电", CampaignKind.GasSafety => "燃气安全",
        CampaignKind.Environment => "环境整治", _ => "其他",
    };

    public static string Chinese(this CampaignState s) => s switch
    {
        CampaignState.Draft => "草稿", CampaignState.Running => "进行中", _ => "已结束",
    };

    public static string Tone(this CampaignState s) => s switch { CampaignState.Draft => "secondary", CampaignState.Running => "primary", _ => "success" };

    public static string Chinese(this CheckResult r) => r switch { CheckResult.Pass => "合格", CheckResult.Fail => "不合格", _ => "不适用" };

    public static string Chinese(this Severity s) => s switch { Severity.Minor => "一般", Severity.Major => "较重", _ => "严重" };

    public static string Tone(this Severity s) => s switch { Severity.Minor => "secondary", Severity.Major => "warning", _ => "danger" };

    public static string Chinese(this TaskState s) => s switch { TaskState.Open => "整改中", TaskState.Done => "待验收", _ => "已验收" };
}
