using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Targets.Contracts;

public static class TargetPermissions
{
    public static readonly Permission TargetView = new("TargetView", "查看重点任务及各社区完成情况",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);
    /// <summary>Set targets for the communities below (街道、区委).</summary>
    public static readonly Permission TargetManage = new("TargetManage", "下达重点任务与指标", Role.DistrictAdmin, Role.StreetStaff);
    /// <summary>Enter the progress of a target not read from figures, with its evidence.</summary>
    public static readonly Permission TargetReport = new("TargetReport", "填报重点任务进度与佐证",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    public static IReadOnlyList<Permission> All { get; } = [TargetView, TargetManage, TargetReport];
}
