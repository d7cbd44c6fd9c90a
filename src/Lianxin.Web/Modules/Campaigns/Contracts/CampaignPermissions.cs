using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Campaigns.Contracts;

public static class CampaignPermissions
{
    /// <summary>See the campaigns over one's places, their inspections, findings, tasks and progress.</summary>
    public static readonly Permission View = new("CampaignView", "查看专项行动、检查记录与整改进度",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Set a campaign up (title, period, checklist, places), start and close it; verify rectifications: the street.</summary>
    public static readonly Permission Manage = new("CampaignManage", "部署专项行动（检查清单、范围、期限）并验收整改",
        Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>Inspect a place on a phone: community and grid staff, compound secretaries (and the street's own checks).</summary>
    public static readonly Permission Inspect = new("CampaignInspect", "登记专项行动检查",
        Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Follow the rectifications of one's places: name the responsible unit and deadline, report them done with evidence, raise demands and pledges.</summary>
    public static readonly Permission Rectify = new("CampaignRectify", "督办整改任务、转诉讼或承诺",
        Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    public static IReadOnlyList<Permission> All { get; } = [View, Manage, Inspect, Rectify];
}
