using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Deliberation.Contracts;

public static class DeliberationPermissions
{
    /// <summary>See the motions, owners' committees, property arrangements and conventions of the compounds in one's scope.</summary>
    public static readonly Permission View = new("DeliberationView", "查看三级议事、业委会、物业与居民公约",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member);

    /// <summary>Raise a motion at a compound while signed in (members raise what they hear; residents use the public page).</summary>
    public static readonly Permission Raise = new("DeliberationRaise", "提出议题",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member);

    /// <summary>Record the meetings of the level handling a motion, and keep committees, property arrangements and conventions.</summary>
    public static readonly Permission Manage = new("DeliberationManage", "组织议事会并维护业委会、物业与居民公约",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Set a street's definition of a 红色业委会.</summary>
    public static readonly Permission Rules = new("DeliberationRules", "设定红色业委会认定标准", Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>A signed-in resident follows the online proposals (网上提议) they filed.</summary>
    public static readonly Permission ProposalOwn = new("DeliberationProposalOwn", "查看自己的网上提议", Role.Resident);

    public static IReadOnlyList<Permission> All { get; } = [View, Raise, Manage, Rules, ProposalOwn];
}
