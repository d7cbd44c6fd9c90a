using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Demands.Contracts;

public static class DemandPermissions
{
    public static readonly Permission DemandView = new("DemandView", "查看群众诉求及其统计",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);
    /// <summary>Record demands and act on them at one's own level (accept, resolve, return, escalate).</summary>
    public static readonly Permission DemandHandle = new("DemandHandle", "登记并办理本级诉求",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);
    /// <summary>Open and remove a community's appointment slots (代办·帮办·陪办·预约办): the community's staff and above, not a grid.</summary>
    public static readonly Permission SlotsManage = new("DemandSlotsManage", "维护社区预约时段",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);
    /// <summary>Blow the whistle: dispatch a demand to departments; manage categories.</summary>
    public static readonly Permission DemandDispatch = new("DemandDispatch", "吹哨派单、维护诉求分类", Role.DistrictAdmin, Role.StreetStaff);
    /// <summary>Answer the dispatches sent to one's department (accept, report back, return).</summary>
    public static readonly Permission DispatchAnswer = new("DispatchAnswer", "部门报到：接单、反馈、退回", Role.DepartmentOfficer);
    /// <summary>Issue and revoke the street's Open311 API keys.</summary>
    public static readonly Permission Open311Manage = new("Open311Manage", "签发与吊销 Open311 接口密钥", Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>A resident's own demands, those filed while signed in.</summary>
    public static readonly Permission DemandOwn = new("DemandOwn", "查看自己提交的诉求", Role.Resident);

    public static IReadOnlyList<Permission> All { get; } = [DemandView, DemandHandle, SlotsManage, DemandDispatch, DispatchAnswer, Open311Manage, DemandOwn];
}
