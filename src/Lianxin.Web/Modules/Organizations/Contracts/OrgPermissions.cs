using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Organizations.Contracts;

public static class OrgPermissions
{
    public static readonly Permission OrgView = new("OrgView", "查看组织架构、网格与小区",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member,
        Role.PartnerLiaison, Role.Reviewer, Role.DepartmentOfficer);
    public static readonly Permission OrgManage = new("OrgManage", "维护组织、网格、小区与楼栋",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    public static IReadOnlyList<Permission> All { get; } = [OrgView, OrgManage];
}
