using System.Text.Json.Serialization;

namespace Lianxin.Web.Modules.Organizations.Contracts;

// Enums travel as names in JSON ("Branch", not 3): clients read them and a reordering cannot shift meanings.

[JsonConverter(typeof(JsonStringEnumConverter<OrgKind>))]
public enum OrgKind { District, Street, Community, Branch, Group, Department }

/// <summary>What a branch is built on (source 003: non-public enterprises and social organisations have branches too).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BranchKind>))]
public enum BranchKind { None, Compound, Grid, Building, Enterprise, SocialOrganization, Agency }

[JsonConverter(typeof(JsonStringEnumConverter<OrgStatus>))]
public enum OrgStatus { Active, Dissolved }

public static class OrgKindNames
{
    public static string Chinese(this OrgKind kind) => kind switch
    {
        OrgKind.District => "区委",
        OrgKind.Street => "街道党工委",
        OrgKind.Community => "社区党组织",
        OrgKind.Branch => "党支部",
        OrgKind.Group => "党小组",
        OrgKind.Department => "职能部门",
        _ => kind.ToString(),
    };

    public static string Chinese(this BranchKind kind) => kind switch
    {
        BranchKind.Compound => "小区党支部",
        BranchKind.Grid => "网格党支部",
        BranchKind.Building => "楼栋党支部",
        BranchKind.Enterprise => "非公企业党支部",
        BranchKind.SocialOrganization => "社会组织党支部",
        BranchKind.Agency => "机关党支部",
        _ => "—",
    };

    /// <summary>The kind a child of <paramref name="parent"/> may have: the five levels join top to bottom (source 003).</summary>
    public static bool MayContain(this OrgKind parent, OrgKind child) => (parent, child) switch
    {
        (OrgKind.District, OrgKind.Street) => true,
        (OrgKind.Street, OrgKind.Community) => true,
        (OrgKind.Street, OrgKind.Branch) => true,    // street-level agency branches
        (OrgKind.Community, OrgKind.Branch) => true,
        (OrgKind.Branch, OrgKind.Group) => true,
        (OrgKind.Street, OrgKind.Department) => true,  // 吹哨报到: departments answer the street's whistle (Demands module)
        _ => false,
    };
}
