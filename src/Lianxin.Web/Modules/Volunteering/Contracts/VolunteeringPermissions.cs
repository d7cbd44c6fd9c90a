using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Volunteering.Contracts;

public static class VolunteeringPermissions
{
    /// <summary>See the teams, activities, attendance and figures in one's scope.</summary>
    public static readonly Permission View = new("VolunteerView", "查看志愿服务队、志愿活动与服务时长统计",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Form teams, publish activities, check people in and out, confirm hours (the organiser).</summary>
    public static readonly Permission Manage = new("VolunteerManage", "组建志愿服务队、发布志愿活动、签到签退与确认服务时长",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);

    /// <summary>Sign up for activities of one's own community (and the units above it), check in by scanning, read one's own record.</summary>
    public static readonly Permission Self = new("VolunteerSelf", "报名参加志愿活动、扫码签到与查看本人志愿服务记录",
        Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member, Role.PartnerLiaison, Role.Resident, Role.Merchant);

    public static IReadOnlyList<Permission> All { get; } = [View, Manage, Self];
}
