using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.OrgLife.Contracts;

public static class TrainingPermissions
{
    /// <summary>Organise training sessions and 月练兵 in one's unit: enrol, sign people in by hand, enter test scores.</summary>
    public static readonly Permission Organise = new("TrainingOrganise", "组织培训与月练兵、登记签到和成绩",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    /// <summary>A member's own organisational life: their trainings, 心得 and private calendar feed.</summary>
    public static readonly Permission Self = new("OrgLifeSelf", "我的组织生活：培训签到、心得与日历订阅", Role.GridLeader, Role.Member);

    public static IReadOnlyList<Permission> All { get; } = [Organise, Self];
}
