using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<CentralHouseholdStatus>))]
public enum CentralHouseholdStatus { Nominated, Approved, Rejected, Ended }

/// <summary>
/// 党员中心户: a member nominated by self-nomination and/or residents' recommendation (000: 党员自荐+群众推荐),
/// approved by the community, looking after a set of households in their grid.
/// </summary>
public class CentralHousehold : Entity, IOrgScoped, IVersioned
{
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public Guid CommunityId { get; set; }
    public Guid GridId { get; set; }
    public string OrgPath { get; set; } = "";
    public bool SelfNominated { get; set; }
    /// <summary>
    /// The number typed before 0031, when the recommenders were not recorded by name; kept as history and shown as such, never
    /// added to the count derived from <see cref="CentralHouseholdRecommendation"/> rows.
    /// </summary>
    public int LegacyRecommenders { get; set; }
    public CentralHouseholdStatus Status { get; set; }
    public DateOnly NominatedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? Duties { get; set; }
    /// <summary>撤销 or 调整: the day it ended and why; the row stays as history.</summary>
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    /// <summary>调整: the central household that took over its households.</summary>
    public Guid? ReplacedById { get; set; }
    public int Version { get; set; }

    /// <summary>Approval needs one of the two sources (党员自荐+群众推荐); recommendations are counted from their records.</summary>
    public static string? ApprovalProblem(bool selfNominated, int recommendations, int legacyRecommenders) =>
        !selfNominated && recommendations == 0 && legacyRecommenders == 0 ? "须为党员自荐或有群众推荐后才能认定。" : null;

    /// <summary>Coverage = households looked after ÷ households in the grid, 0 when the grid is empty.</summary>
    public static decimal Coverage(int lookedAfter, int inGrid) => inGrid == 0 ? 0m : Math.Round((decimal)lookedAfter / inGrid, 4);

    public static string Chinese(CentralHouseholdStatus s) => s switch
    {
        CentralHouseholdStatus.Nominated => "待审批",
        CentralHouseholdStatus.Approved => "已认定",
        CentralHouseholdStatus.Rejected => "未通过",
        CentralHouseholdStatus.Ended => "已撤销",
        _ => s.ToString(),
    };
}

public enum RecommendationSource { Public, Staff }

/// <summary>
/// 群众推荐: one resident household recommending a nominee, through the compound's public page or entered by staff. One per
/// household per nominee (<see cref="HouseholdKey"/>: the household's id, or the compound and the typed room when the resident
/// typed it).
/// </summary>
public class CentralHouseholdRecommendation : Entity, IOrgScoped
{
    public Guid CentralHouseholdId { get; set; }
    public Guid CompoundId { get; set; }
    public Guid? HouseholdId { get; set; }
    public string HouseholdKey { get; set; } = "";
    /// <summary>The household as the recommender gave it: "3号楼 2单元 301" or the typed room.</summary>
    public string Home { get; set; } = "";
    public string RecommenderName { get; set; } = "";
    public RecommendationSource Source { get; set; }
    public DateTime RecordedAt { get; set; }
    public string OrgPath { get; set; } = "";

    public static string KeyOf(Guid? householdId, Guid compoundId, string? room) =>
        householdId is { } h ? h.ToString() : $"{compoundId}:{new string((room ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant()}";
}

/// <summary>Who owes central households what (网格党支部书记、党小组长 towards 党员中心户), written by community staff.</summary>
public enum CentralDutyRole { GridSecretary, GroupLeader }

public class CentralHouseholdDuty : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public CentralDutyRole Role { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }

    public static string Chinese(CentralDutyRole r) => r == CentralDutyRole.GridSecretary ? "网格党支部书记" : "党小组长";

    /// <summary>What a community that wrote nothing yet is shown (000: 网格党支部书记、党小组长联系指导党员中心户).</summary>
    public static string Default(CentralDutyRole r) => r == CentralDutyRole.GridSecretary
        ? "每季度走访网格内党员中心户，听取联系户意见，协调解决中心户反映的问题。"
        : "每月与本小组党员中心户联系一次，带领中心户参加组织生活，收集群众诉求。";
}

/// <summary>A household a central household looks after; a household has at most one.</summary>
public class CentralHouseholdLink : Entity, IOrgScoped
{
    public Guid CentralHouseholdId { get; set; }
    public Guid HouseholdId { get; set; }
    public string OrgPath { get; set; } = "";
}
