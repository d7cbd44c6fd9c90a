namespace Lianxin.Web.Platform.Identity;

/// <summary>A role is always held at an org unit (see <see cref="RoleGrant"/>).</summary>
public enum Role
{
    DistrictAdmin,
    StreetStaff,
    CommunitySecretary,
    CommunityStaff,
    GridLeader,
    Member,
    PartnerLiaison,
    Reviewer,
    DepartmentOfficer,
    Resident,
    Merchant,
    /// <summary>Secretary of a compound branch (小区党支部书记, after 拆—转—建): a grid leader's permissions, held at a compound branch only.</summary>
    CompoundSecretary,
}

public static class RoleNames
{
    public static string Chinese(this Role role) => role switch
    {
        Role.DistrictAdmin => "区委组织部管理员",
        Role.StreetStaff => "街道党工委工作人员",
        Role.CommunitySecretary => "社区党组织书记",
        Role.CommunityStaff => "社区工作者",
        Role.GridLeader => "网格党支部书记",
        Role.Member => "党员",
        Role.PartnerLiaison => "共建单位联络员",
        Role.Reviewer => "观摩评委",
        Role.DepartmentOfficer => "职能部门人员",
        Role.Resident => "居民",
        Role.Merchant => "商家",
        Role.CompoundSecretary => "小区党支部书记",
        _ => role.ToString(),
    };
}
