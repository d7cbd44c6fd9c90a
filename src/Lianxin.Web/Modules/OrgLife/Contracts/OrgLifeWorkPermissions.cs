using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.OrgLife.Contracts;

/// <summary>日走访 and 周调度: who logs household visits and who runs a community's weekly dispatch meeting (reading both is <see cref="OrgLifePermissions.View"/>).</summary>
public static class OrgLifeWorkPermissions
{
    /// <summary>Log a household visit in one's grid or community, and raise a demand from it.</summary>
    public static readonly Permission Visit = new("OrgLifeVisit", "登记入户走访", Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader);

    /// <summary>Hold the community's weekly dispatch meeting: its agenda and action items.</summary>
    public static readonly Permission Dispatch = new("OrgLifeDispatch", "召开社区周调度会", Role.CommunitySecretary, Role.CommunityStaff);

    public static IReadOnlyList<Permission> All { get; } = [Visit, Dispatch];
}
