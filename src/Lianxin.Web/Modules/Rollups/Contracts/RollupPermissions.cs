using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Rollups.Contracts;

public static class RollupPermissions
{
    /// <summary>Read the roll-ups of one's units: 对标对表, trends, the quarterly workbook.</summary>
    public static readonly Permission View = new("RollupView", "查看对标对表与季度报表",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary);

    /// <summary>Hand out a signed link that shows a unit's 大屏 on a screen without a staff account.</summary>
    public static readonly Permission ScreenLink = new("RollupScreenLink", "生成大屏展示链接", Role.DistrictAdmin, Role.StreetStaff);

    public static IReadOnlyList<Permission> All { get; } = [View, ScreenLink];
}
