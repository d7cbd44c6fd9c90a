using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.OrgLife.Contracts;

public static class OrgLifePermissions
{
    /// <summary>See the meetings of the branches in one's scope, their attendance and the arrears (欠账).</summary>
    public static readonly Permission View = new("OrgLifeView", "查看组织生活与欠账情况",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Record, edit and cancel a branch's meetings and their attendance; get or reset its calendar feed.</summary>
    public static readonly Permission Record = new("OrgLifeRecord", "登记组织生活会议与出席情况",
        Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Approve a meeting entered long after it was held (补录).</summary>
    public static readonly Permission ApproveLate = new("OrgLifeApproveLate", "审核补录的组织生活记录", Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>Set how often each kind of unit must hold each kind of meeting, the late-entry window and the 主题党日 fixed items.</summary>
    public static readonly Permission Rules = new("OrgLifeRules", "设置组织生活规则", Role.DistrictAdmin);

    public static IReadOnlyList<Permission> All { get; } = [View, Record, ApproveLate, Rules];
}
