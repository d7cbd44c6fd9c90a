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
    public int Recommenders { get; set; }
    public CentralHouseholdStatus Status { get; set; }
    public DateOnly NominatedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? Duties { get; set; }
    public int Version { get; set; }

    /// <summary>A nomination needs one of the two sources.</summary>
    public static string? NominationProblem(bool selfNominated, int recommenders) =>
        recommenders < 0 ? "推荐人数不能为负数。" : !selfNominated && recommenders == 0 ? "须为党员自荐或有群众推荐。" : null;

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

/// <summary>A household a central household looks after; a household has at most one.</summary>
public class CentralHouseholdLink : Entity, IOrgScoped
{
    public Guid CentralHouseholdId { get; set; }
    public Guid HouseholdId { get; set; }
    public string OrgPath { get; set; } = "";
}
