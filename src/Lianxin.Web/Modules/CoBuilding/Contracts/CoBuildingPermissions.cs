using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.CoBuilding.Contracts;

public static class CoBuildingPermissions
{
    /// <summary>See the partner units stationed in one's scope and the joint committees. A liaison sees them too, and edits only the unit they maintain.</summary>
    public static readonly Permission View = new("CoBuildingView", "查看共建单位与联合党组织",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.PartnerLiaison);

    /// <summary>Register and edit partner units; seat them on the 大工委 / 大党委.</summary>
    public static readonly Permission Manage = new("CoBuildingManage", "维护共建单位与大工委、大党委成员",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    public static IReadOnlyList<Permission> All { get; } = [View, Manage];
}
