using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.PartyWork.Contracts;

public static class PartyWorkPermissions
{
    /// <summary>See the recruiting pipeline (发展党员) and branch committees in one's scope.</summary>
    public static readonly Permission View = new("PartyWorkView", "查看发展党员与支部班子",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>A branch runs its pipeline: register applications and record the steps up to the branch meeting and 转正.</summary>
    public static readonly Permission Manage = new("PartyWorkManage", "办理发展党员各环节",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>The higher committee (社区党委、街道党工委) approves admissions and keeps committees and terms.</summary>
    public static readonly Permission Approve = new("PartyWorkApprove", "上级党委审批预备党员、维护支部班子与换届",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary);

    /// <summary>The street marks a weak branch for rectification (整顿提升), assigns its helping leader and confirms its exit.</summary>
    public static readonly Permission Rectify = new("PartyWorkRectify", "确定软弱涣散党组织整顿对象并验收销号", Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>A signed-in resident applies for membership through the branch of their compound or grid and follows the application.</summary>
    public static readonly Permission ApplyOwn = new("PartyWorkApplyOwn", "本人申请入党并查看办理进度", Role.Resident);

    public static IReadOnlyList<Permission> All { get; } = [View, Manage, Approve, Rectify, ApplyOwn];
}
